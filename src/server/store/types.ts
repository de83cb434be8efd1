// The records of the store.
import type { TlObject } from "../tl_values.ts";
import type { Box } from "./box.ts";

export interface Account {
  id: number;
  phone: string;
  firstName: string;
  lastName: string;
  /** Ids of the users this account imported (C(U,O) of docs/semantics.md). */
  contacts: Set<number>;
  /** Ids of the users who imported this account: the reverse of `contacts`, for eviction. */
  importers: Set<number>;
  /** Ids of the users whose number was revealed to this account by messaging (R of the table). */
  sees: Set<number>;
  /** Ids of the users this account's number was revealed to: the reverse of `sees`. */
  seenBy: Set<number>;
  /** The keys bound to this account, least recently used first. */
  keys: Set<string>;
  box: Box;
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

/**
 * One entry of an account's update stream: a message of the box (its users are found from the
 * message when asked for, so an entry holds no list), or an updateContactLink about one user.
 */
export type NewUpdate =
  | { kind: "message"; messageId: number }
  | { kind: "link"; update: TlObject; userId: number };

export type UpdateEntry = NewUpdate & { pts: number };

export interface Chat {
  id: number;
  title: string;
  adminId: number;
  participants: number[];
  date: number;
}

/** A conversation of one box: its newest message and how many of its messages are unread. */
export interface Dialog {
  top: StoredMessage;
  unread: number;
}
