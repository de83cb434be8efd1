// The in-memory state of the reference server. Every request runs its checks and mutations
// synchronously on this store after its body is read, so each request is atomic: Node runs one
// handler at a time, and "the check immediately prior to sending" cannot interleave with another.
// Everything it keeps is capped (src/server/limits.ts): accounts and chats leave least recently
// active / oldest first, and an account takes its keys, box and relations with it.
import type { Limits } from "../limits.ts";
import { Box, type BoxCaps } from "./box.ts";
import { PendingCodes } from "./pending_codes.ts";
import { ServerWideCap } from "./server_wide_cap.ts";
import type { Account, Chat } from "./types.ts";

/** A relation between accounts, kept in both directions so that an account can leave cleanly. */
interface Relation {
  forward: "contacts" | "sees";
  backward: "importers" | "seenBy";
}
const CONTACTS: Relation = { forward: "contacts", backward: "importers" };
const REVEALED: Relation = { forward: "sees", backward: "seenBy" };

export class Store {
  /** Least recently active first. */
  readonly accounts = new Map<number, Account>();
  readonly accountByPhone = new Map<string, Account>();
  /** Key → account id; a key with no account is absent. */
  readonly sessions = new Map<string, number>();
  readonly codes: PendingCodes;
  /** Oldest first. */
  readonly chats = new Map<number, Chat>();
  private readonly boxCaps: BoxCaps;
  nextUserId: number;
  nextChatId = 1;
  private oldestChatId = 1;

  constructor(
    firstUserId: number,
    private readonly limits: Limits,
  ) {
    this.nextUserId = firstUserId;
    this.codes = new PendingCodes({
      lifetimeMs: limits.codeLifetimeMs,
      perPhone: limits.maxCodesPerPhone,
      total: limits.maxPendingCodes,
    });
    this.boxCaps = {
      maxMessages: limits.maxMessagesPerAccount,
      maxUpdates: limits.maxUpdatesPerAccount,
      messages: new ServerWideCap<Box>(limits.maxStoredMessages, Box.messageRules),
      updates: new ServerWideCap<Box>(limits.maxStoredUpdates, Box.updateRules),
    };
  }

  /** Messages and updates kept in all boxes, as the server-wide caps count them. */
  get stored(): { messages: number; updates: number } {
    return { messages: this.boxCaps.messages.size, updates: this.boxCaps.updates.size };
  }

  hasContact(owner: number, other: number): boolean {
    return this.accounts.get(owner)?.contacts.has(other) ?? false;
  }

  isRevealed(viewer: number, owner: number): boolean {
    return this.accounts.get(viewer)?.sees.has(owner) ?? false;
  }

  /** Makes owner's number visible to viewer (both must be accounts). */
  reveal(viewer: number, owner: number): void {
    this.relate(REVEALED, viewer, owner, true);
  }

  forget(viewer: number, owner: number): void {
    this.relate(REVEALED, viewer, owner, false);
  }

  /** V(U,O): the viewer may see the owner's phone. */
  seesPhone(viewer: number, owner: number): boolean {
    return viewer === owner || this.hasContact(viewer, owner) || this.isRevealed(viewer, owner);
  }

  addContact(owner: number, other: number): void {
    this.relate(CONTACTS, owner, other, true);
  }

  removeContact(owner: number, other: number): void {
    this.relate(CONTACTS, owner, other, false);
  }

  box(accountId: number): Box | undefined {
    return this.accounts.get(accountId)?.box;
  }

  /** The account of a key, marking both as just used. */
  touch(key: string): number | undefined {
    const id = this.sessions.get(key);
    const account = id === undefined ? undefined : this.accounts.get(id);
    if (!account) return undefined;
    this.accounts.delete(account.id);
    this.accounts.set(account.id, account);
    account.keys.delete(key);
    account.keys.add(key);
    return account.id;
  }

  createAccount(phone: string, firstName: string, lastName: string): Account {
    const account: Account = {
      id: this.nextUserId++,
      phone,
      firstName,
      lastName,
      contacts: new Set(),
      importers: new Set(),
      sees: new Set(),
      seenBy: new Set(),
      keys: new Set(),
      box: new Box(this.boxCaps),
    };
    this.accounts.set(account.id, account);
    this.accountByPhone.set(phone, account);
    if (this.accounts.size > this.limits.maxAccounts) {
      const idlest = this.accounts.values().next().value;
      if (idlest) this.evict(idlest);
    }
    return account;
  }

  bind(key: string, accountId: number): void {
    const previous = this.sessions.get(key);
    if (previous !== undefined) this.accounts.get(previous)?.keys.delete(key);
    const account = this.accounts.get(accountId);
    if (!account) return;
    this.sessions.set(key, accountId);
    account.keys.add(key);
    if (account.keys.size > this.limits.maxKeysPerAccount) {
      const idlest = account.keys.values().next().value;
      if (idlest !== undefined) {
        account.keys.delete(idlest);
        this.sessions.delete(idlest);
      }
    }
  }

  createChat(title: string, adminId: number, participants: number[], date: number): Chat {
    const chat = { id: this.nextChatId++, title, adminId, participants, date };
    this.chats.set(chat.id, chat);
    // Chats leave oldest first, and ids only grow: the oldest kept is the lowest id.
    for (; this.chats.size > this.limits.maxChats; this.oldestChatId++) this.chats.delete(this.oldestChatId);
    return chat;
  }

  /** Adds or removes `from → to` in a relation and its reverse; only between two accounts. */
  private relate(relation: Relation, from: number, to: number, on: boolean): void {
    const [a, b] = [this.accounts.get(from), this.accounts.get(to)];
    if (!on) {
      a?.[relation.forward].delete(to);
      b?.[relation.backward].delete(from);
    } else if (a && b && from !== to) {
      a[relation.forward].add(to);
      b[relation.backward].add(from);
    }
  }

  /** Forgets an account and every trace of it in the others' relations. */
  private evict(account: Account): void {
    const { id } = account;
    this.accounts.delete(id);
    this.accountByPhone.delete(account.phone);
    for (const key of account.keys) this.sessions.delete(key);
    for (const { forward, backward } of [CONTACTS, REVEALED]) {
      for (const other of account[forward]) this.accounts.get(other)?.[backward].delete(id);
      for (const other of account[backward]) this.accounts.get(other)?.[forward].delete(id);
    }
    account.box.release();
  }
}
