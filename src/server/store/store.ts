// The in-memory state of the reference server. Every request runs its checks and mutations
// synchronously on this store after its body is read, so each request is atomic: Node runs one
// handler at a time, and "the check immediately prior to sending" cannot interleave with another.
import type { TlObject } from "./tl_values.ts";

export interface Account {
  id: number;
  phone: string;
  firstName: string;
  lastName: string;
  /** Ids of the users this account imported (C(U,O) of docs/semantics.md). */
  contacts: Set<number>;
}

export interface StoredMessage {
  id: number;
  fromId: number;
  /** The conversation from this box's owner's side: the other user, or a chat. */
  peer: { user: number } | { chat: number };
  out: boolean;
  unread: boolean;
  date: number;
  text: string;
  media: TlObject;
  forwardedFrom?: { fromId: number; date: number };
  action?: TlObject;
}

/** One entry of an account's update stream, in pts order, with the users it mentions. */
export type UpdateEntry =
  | { pts: number; kind: "message"; messageId: number; userIds: number[] }
  | { pts: number; kind: "link"; update: TlObject; userIds: number[] };

export interface Box {
  nextMessageId: number;
  pts: number;
  seq: number;
  messages: Map<number, StoredMessage>;
  updates: UpdateEntry[];
}

export interface Chat {
  id: number;
  title: string;
  adminId: number;
  participants: number[];
  date: number;
}

export class Store {
  readonly accounts = new Map<number, Account>();
  readonly accountByPhone = new Map<string, Account>();
  /** Bearer key → account id; a key with no account is absent. */
  readonly sessions = new Map<string, number>();
  /** Phone → the phone_code_hash of its latest auth.sendCode. */
  readonly codeHashes = new Map<string, string>();
  /** `viewer:owner` when owner's number was revealed to viewer by messaging (R of the table). */
  readonly revealed = new Set<string>();
  readonly boxes = new Map<number, Box>();
  readonly chats = new Map<number, Chat>();
  nextUserId: number;
  nextChatId = 1;

  constructor(firstUserId: number) {
    this.nextUserId = firstUserId;
  }

  hasContact(owner: number, other: number): boolean {
    return this.accounts.get(owner)?.contacts.has(other) ?? false;
  }

  isRevealed(viewer: number, owner: number): boolean {
    return this.revealed.has(`${viewer}:${owner}`);
  }

  reveal(viewer: number, owner: number): void {
    this.revealed.add(`${viewer}:${owner}`);
  }

  /** V(U,O): the viewer may see the owner's phone. */
  seesPhone(viewer: number, owner: number): boolean {
    return viewer === owner || this.hasContact(viewer, owner) || this.isRevealed(viewer, owner);
  }

  box(accountId: number): Box {
    let box = this.boxes.get(accountId);
    if (!box) {
      box = { nextMessageId: 1, pts: 0, seq: 0, messages: new Map(), updates: [] };
      this.boxes.set(accountId, box);
    }
    return box;
  }
}
