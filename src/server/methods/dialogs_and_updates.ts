// messages.getDialogs and updates.getState / getDifference: what an account reads back.
import type { CallContext } from "../context.ts";
import { renderChat, renderMessage, renderUsers, usersOfMessage } from "../render.ts";
import type { StoredMessage } from "../store.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

function conversationKey(message: StoredMessage): string {
  return "user" in message.peer ? `u${message.peer.user}` : `c${message.peer.chat}`;
}

function chatsOf(ctx: CallContext, messages: StoredMessage[]): TlObject[] {
  const ids = new Set(messages.flatMap((m) => ("chat" in m.peer ? [m.peer.chat] : [])));
  return [...ids].flatMap((id) => {
    const chat = ctx.world.store.chats.get(id);
    return chat ? [renderChat(chat)] : [];
  });
}

function state(ctx: CallContext): TlObject {
  const box = ctx.world.store.box(accountOf(ctx));
  const unread = [...box.messages.values()].filter((m) => !m.out && m.unread).length;
  return { _: "updates.state", pts: box.pts, date: now(), seq: box.seq, unread_count: unread };
}

export const READ_METHODS: MethodTable = {
  "messages.getDialogs": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const latest = new Map<string, StoredMessage>();
      const unread = new Map<string, number>();
      for (const message of ctx.world.store.box(self).messages.values()) {
        const key = conversationKey(message);
        latest.set(key, message);
        if (!message.out && message.unread) unread.set(key, (unread.get(key) ?? 0) + 1);
      }
      const limit = Math.max(0, Math.min(Number(call.limit) || 100, 100));
      const tops = [...latest.entries()]
        .sort((a, b) => b[1].id - a[1].id)
        .slice(Math.max(0, Number(call.offset)), undefined)
        .slice(0, limit);
      const dialogs = tops.map(([key, m]) => ({
        _: "dialog",
        peer:
          "user" in m.peer
            ? { _: "peerUser", user_id: m.peer.user }
            : { _: "peerChat", chat_id: m.peer.chat },
        top_message: m.id,
        unread_count: unread.get(key) ?? 0,
      }));
      const messages = tops.map(([, m]) => m);
      return {
        _: "messages.dialogs",
        dialogs,
        messages: messages.map((m) => renderMessage(self, m)),
        chats: chatsOf(ctx, messages),
        users: renderUsers(
          ctx.world,
          self,
          messages.flatMap((m) => usersOfMessage(ctx, self, m)),
        ),
      };
    },
  },
  "updates.getState": { needsAccount: true, handle: (ctx) => state(ctx) },
  "updates.getDifference": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const box = ctx.world.store.box(self);
      const entries = box.updates.filter((u) => u.pts > Number(call.pts));
      if (entries.length === 0) return { _: "updates.differenceEmpty", date: now(), seq: box.seq };
      const messages: StoredMessage[] = [];
      const otherUpdates: TlObject[] = [];
      const userIds: number[] = [];
      for (const entry of entries) {
        if (entry.kind === "message") {
          const message = box.messages.get(entry.messageId);
          if (message) messages.push(message);
        } else {
          otherUpdates.push(entry.update);
        }
        userIds.push(...entry.userIds);
      }
      return {
        _: "updates.difference",
        new_messages: messages.map((m) => renderMessage(self, m)),
        other_updates: otherUpdates,
        chats: chatsOf(ctx, messages),
        users: renderUsers(ctx.world, self, userIds),
        state: state(ctx),
      };
    },
  },
};
