// One account's mailbox: its copies of messages, its update stream, and the dialog index that
// getDialogs and getState read, kept up to date as messages come and go so that no read walks
// the history. Messages and updates leave oldest first, by the box's own caps or the server's.
import type { ServerWideCap } from "./server_wide_cap.ts";
import type { Dialog, NewUpdate, StoredMessage, UpdateEntry } from "./types.ts";
import { UpdateLog } from "./update_log.ts";

export interface BoxCaps {
  maxMessages: number;
  maxUpdates: number;
  messages: ServerWideCap<StoredMessage, Box>;
  updates: ServerWideCap<UpdateEntry, Box>;
}

/** The dialog of a message: the other user's id, or a chat's id negated. */
export function conversationOf(message: StoredMessage): number {
  return "user" in message.peer ? message.peer.user : -message.peer.chat;
}

const isUnread = (message: StoredMessage) => !message.out && message.unread;

export class Box {
  nextMessageId = 1;
  pts = 0;
  seq = 0;
  /** Unread incoming messages in the box. */
  unread = 0;
  readonly messages = new Map<number, StoredMessage>();
  readonly updates = new UpdateLog();
  /** Conversation → its dialog, least recently active first. */
  readonly dialogs = new Map<number, Dialog>();

  /** Messages leave oldest first, so the kept ones have the ids from here to nextMessageId. */
  private oldestId = 1;

  constructor(private readonly caps: BoxCaps) {}

  addMessage(message: Omit<StoredMessage, "id">): StoredMessage {
    const stored: StoredMessage = { ...message, id: this.nextMessageId++ };
    this.messages.set(stored.id, stored);
    const key = conversationOf(stored);
    const unread = isUnread(stored) ? 1 : 0;
    const dialog = this.dialogs.get(key) ?? { top: stored, unread: 0 };
    dialog.top = stored;
    dialog.unread += unread;
    // Re-inserted so that the map stays in order of last activity.
    this.dialogs.delete(key);
    this.dialogs.set(key, dialog);
    this.unread += unread;
    if (this.messages.size > this.caps.maxMessages) {
      const oldest = this.oldestMessage();
      if (oldest) {
        this.caps.messages.remove(oldest);
        this.dropMessage(oldest);
      }
    }
    this.caps.messages.add(stored, this);
    return stored;
  }

  private oldestMessage(): StoredMessage | undefined {
    for (; this.oldestId < this.nextMessageId; this.oldestId++) {
      const message = this.messages.get(this.oldestId);
      if (message) return message;
    }
    return undefined;
  }

  addUpdate(entry: NewUpdate): number {
    this.pts += 1;
    this.seq += 1;
    const stored: UpdateEntry = { ...entry, pts: this.pts };
    this.updates.push(stored);
    if (this.updates.size > this.caps.maxUpdates) {
      const oldest = this.updates.dropOldest();
      if (oldest) this.caps.updates.remove(oldest);
    }
    this.caps.updates.add(stored, this);
    return this.pts;
  }

  /** Forgets one message; messages leave oldest first, so a dialog's top leaves last. */
  dropMessage(message: StoredMessage): void {
    if (!this.messages.delete(message.id)) return;
    const key = conversationOf(message);
    const dialog = this.dialogs.get(key);
    if (isUnread(message)) {
      this.unread -= 1;
      if (dialog) dialog.unread -= 1;
    }
    if (dialog?.top === message) this.dialogs.delete(key);
  }

  /** Called by the server-wide cap with the box's oldest update. */
  dropOldestUpdate(entry: UpdateEntry): void {
    if (this.updates.oldest === entry) this.updates.dropOldest();
  }

  /** Takes every item of the box out of the server-wide caps (the account is going). */
  release(): void {
    for (const message of this.messages.values()) this.caps.messages.remove(message);
    for (const entry of this.updates.values()) this.caps.updates.remove(entry);
  }
}
