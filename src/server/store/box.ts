// One account's mailbox: its copies of messages, its update stream, and the dialog index that
// getDialogs and getState read, kept up to date as messages come and go so that no read walks
// the history. Messages and updates leave oldest first, by the box's own caps or the server's.
import type { CapRules, ServerWideCap } from "./server_wide_cap.ts";
import type { Dialog, NewUpdate, StoredMessage, UpdateEntry } from "./types.ts";
import { UpdateLog } from "./update_log.ts";

export interface BoxCaps {
  maxMessages: number;
  maxUpdates: number;
  /** Messages by id and updates by pts, server-wide. */
  messages: ServerWideCap<Box>;
  updates: ServerWideCap<Box>;
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
  private released = false;

  constructor(private readonly caps: BoxCaps) {}

  addMessage(message: Omit<StoredMessage, "id">): StoredMessage {
    // Field by field: V8 (Node 20) builds {...a, b} on a slow path.
    const { fromId, peer, out, unread, date, text, media, forwardedFrom, action } = message;
    const id = this.nextMessageId++;
    const stored: StoredMessage = { id, fromId, peer, out, unread, date, text, media, forwardedFrom, action };
    this.messages.set(stored.id, stored);
    const key = conversationOf(stored);
    const counted = isUnread(stored) ? 1 : 0;
    const dialog = this.dialogs.get(key) ?? { top: stored, unread: 0 };
    dialog.top = stored;
    dialog.unread += counted;
    // Re-inserted so that the map stays in order of last activity.
    this.dialogs.delete(key);
    this.dialogs.set(key, dialog);
    this.unread += counted;
    if (this.messages.size > this.caps.maxMessages) {
      const oldest = this.oldestMessage();
      if (oldest) this.dropMessage(oldest.id);
      this.caps.messages.left(1);
    }
    this.caps.messages.add(this, stored.id);
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
    const { pts } = this;
    const stored: UpdateEntry =
      entry.kind === "message"
        ? { kind: "message", messageId: entry.messageId, pts }
        : { kind: "link", update: entry.update, userId: entry.userId, pts };
    this.updates.push(stored);
    if (this.updates.size > this.caps.maxUpdates) {
      this.updates.dropOldest();
      this.caps.updates.left(1);
    }
    this.caps.updates.add(this, stored.pts);
    return this.pts;
  }

  /** Forgets one message; messages leave oldest first, so a dialog's top leaves last. */
  dropMessage(id: number): void {
    const message = this.messages.get(id);
    if (!message) return;
    this.messages.delete(id);
    const key = conversationOf(message);
    const dialog = this.dialogs.get(key);
    if (isUnread(message)) {
      this.unread -= 1;
      if (dialog) dialog.unread -= 1;
    }
    if (dialog?.top === message) this.dialogs.delete(key);
  }

  /** The server-wide cap's view of the box: which of its items are still here. */
  static readonly messageRules: CapRules<Box> = {
    isLive: (box, id) => !box.released && box.messages.has(id),
    drop: (box, id) => box.dropMessage(id),
  };

  static readonly updateRules: CapRules<Box> = {
    isLive: (box, pts) => !box.released && box.updates.has(pts),
    drop: (box, pts) => {
      if (box.updates.oldest?.pts === pts) box.updates.dropOldest();
    },
  };

  /** Takes every item of the box out of the server-wide caps (the account is going). */
  release(): void {
    this.released = true;
    this.caps.messages.left(this.messages.size);
    this.caps.updates.left(this.updates.size);
  }
}
