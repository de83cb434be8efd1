// messages.sendMessage / sendMedia / forwardMessage(s) / createChat: every way a message is sent.
import type { CallContext } from "../context.ts";
import { deliver, type Outgoing, type Sent } from "../deliver.ts";
import { resolveInputPeer, resolveInputUser } from "../peers.ts";
import { renderChats, renderMessage, renderUsers, usersOfMessage } from "../render.ts";
import { badRequest } from "../rpc_error.ts";
import { sendResult } from "../send_result.ts";
import type { StoredMessage } from "../store/index.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";
import { messageMedia, NO_MEDIA } from "./media.ts";

function send(ctx: CallContext, call: TlObject, outgoing: Outgoing[]) {
  const self = accountOf(ctx);
  const peer = resolveInputPeer(ctx, call.peer as TlObject);
  const sent = deliver(ctx, self, peer, outgoing);
  return { self, peer, sent };
}

function stated(
  ctx: CallContext,
  self: number,
  peer: StoredMessage["peer"],
  sent: Sent,
  many: boolean,
): TlObject {
  const messages = sent.messages.map((m) => renderMessage(self, m));
  const userIds = sent.messages.flatMap((m) => usersOfMessage(ctx, self, m));
  const chats = "chat" in peer ? renderChats(ctx.state, [peer.chat]) : [];
  const users = renderUsers(ctx.state, self, userIds);
  return many
    ? { _: "messages.statedMessages", messages, chats, users, pts: sent.pts, seq: sent.seq }
    : { _: "messages.statedMessage", message: messages[0], chats, users, pts: sent.pts, seq: sent.seq };
}

function result(ctx: CallContext, plain: TlObject, self: number, peer: StoredMessage["peer"], sent: Sent) {
  const peerId = "user" in peer ? peer.user : 0;
  return sendResult(ctx, ctx.method, plain, { senderId: self, peerId, changes: sent.senderChanges });
}

function ownMessage(ctx: CallContext, id: unknown): StoredMessage {
  const message = ctx.state.store.box(accountOf(ctx))?.messages.get(id as number);
  if (!message) throw badRequest("MESSAGE_ID_INVALID", `no message ${String(id)}`);
  return message;
}

function forwardOf(message: StoredMessage): Outgoing {
  if (message.action) throw badRequest("MESSAGE_ID_INVALID", "service messages cannot be forwarded");
  const forwardedFrom = message.forwardedFrom ?? { fromId: message.fromId, date: message.date };
  return { text: message.text, media: message.media, forwardedFrom };
}

export const MESSAGE_METHODS: MethodTable = {
  "messages.sendMessage": {
    needsAccount: true,
    handle(ctx, call) {
      const text = String(call.message);
      if (text.trim() === "") throw badRequest("MESSAGE_EMPTY");
      if (text.length > ctx.state.limits.maxMessageLength) throw badRequest("MESSAGE_TOO_LONG");
      const { self, peer, sent } = send(ctx, call, [{ text, media: NO_MEDIA }]);
      const id = sent.messages[0]?.id ?? 0;
      const plain = { _: "messages.sentMessage", id, date: sent.date, pts: sent.pts, seq: sent.seq };
      return result(ctx, plain, self, peer, sent);
    },
  },
  "messages.sendMedia": {
    needsAccount: true,
    handle(ctx, call) {
      const media = messageMedia(ctx, call.media as TlObject);
      const { self, peer, sent } = send(ctx, call, [{ text: "", media }]);
      return result(ctx, stated(ctx, self, peer, sent, false), self, peer, sent);
    },
  },
  "messages.forwardMessage": {
    needsAccount: true,
    handle(ctx, call) {
      const original = forwardOf(ownMessage(ctx, call.id));
      const { self, peer, sent } = send(ctx, call, [original]);
      return result(ctx, stated(ctx, self, peer, sent, false), self, peer, sent);
    },
  },
  "messages.forwardMessages": {
    needsAccount: true,
    handle(ctx, call) {
      // An id named twice is forwarded once.
      const ids = [...new Set(call.id as number[])];
      if (ids.length === 0) throw badRequest("MESSAGE_ID_INVALID", "no message ids");
      const originals = ids.map((id) => forwardOf(ownMessage(ctx, id)));
      const { self, peer, sent } = send(ctx, call, originals);
      return result(ctx, stated(ctx, self, peer, sent, true), self, peer, sent);
    },
  },
  "messages.createChat": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const { store, limits } = ctx.state;
      const title = String(call.title).trim();
      if (title === "") throw badRequest("CHAT_TITLE_EMPTY");
      if (title.length > limits.maxTitleLength) throw badRequest("CHAT_TITLE_TOO_LONG");
      const members = (call.users as TlObject[]).map((input) => resolveInputUser(ctx, input));
      const participants = [...new Set([self, ...members])];
      if (participants.length > limits.maxChatUsers) throw badRequest("USERS_TOO_MUCH");
      const chat = store.createChat(title, self, participants, now());
      const action = { _: "messageActionChatCreate", title, users: chat.participants };
      const sent = deliver(ctx, self, { chat: chat.id }, [{ text: "", media: NO_MEDIA, action }]);
      return stated(ctx, self, { chat: chat.id }, sent, false);
    },
  },
};
