// messages.sendMessage / sendMedia / forwardMessage(s) / createChat: every way a message is sent.
import type { CallContext } from "../context.ts";
import { deliver, type Outgoing, type Sent } from "../deliver.ts";
import { resolveInputPeer, resolveInputUser } from "../peers.ts";
import { renderChat, renderMessage, renderUsers, usersOfMessage } from "../render.ts";
import { badRequest } from "../rpc_error.ts";
import { sendResult } from "../send_result.ts";
import type { StoredMessage } from "../store.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

// Stored in many messages at once, so frozen.
const NO_MEDIA: TlObject = Object.freeze({ _: "messageMediaEmpty" });

function messageMedia(ctx: CallContext, media: TlObject): TlObject {
  if (media._ === "inputMediaEmpty") return NO_MEDIA;
  if (media._ === "inputMediaGeoPoint") {
    const point = media.geo_point as TlObject;
    const geo =
      point._ === "inputGeoPoint"
        ? { _: "geoPoint", long: point.long, lat: point.lat }
        : { _: "geoPointEmpty" };
    return { _: "messageMediaGeo", geo };
  }
  if (media._ !== "inputMediaContact") throw badRequest("MEDIA_INVALID", `${media._} is not supported`);
  const phone = String(media.phone_number).replace(/[\s+()-]/g, "");
  const owner = ctx.world.store.accountByPhone.get(phone);
  return {
    _: "messageMediaContact",
    phone_number: media.phone_number,
    first_name: media.first_name,
    last_name: media.last_name,
    user_id: owner?.id ?? 0,
  };
}

function send(ctx: CallContext, call: TlObject, outgoing: (peer: StoredMessage["peer"]) => Outgoing[]) {
  const self = accountOf(ctx);
  const peer = resolveInputPeer(ctx, call.peer as TlObject);
  const sent = deliver(ctx, self, peer, outgoing(peer));
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
  const chats =
    "chat" in peer ? [ctx.world.store.chats.get(peer.chat)].flatMap((c) => (c ? [renderChat(c)] : [])) : [];
  const users = renderUsers(ctx.world, self, userIds);
  return many
    ? { _: "messages.statedMessages", messages, chats, users, pts: sent.pts, seq: sent.seq }
    : { _: "messages.statedMessage", message: messages[0], chats, users, pts: sent.pts, seq: sent.seq };
}

function result(
  ctx: CallContext,
  method: string,
  plain: TlObject,
  self: number,
  peer: StoredMessage["peer"],
  sent: Sent,
) {
  const peerId = "user" in peer ? peer.user : 0;
  return sendResult(ctx, method, plain, { senderId: self, peerId, changes: sent.senderChanges });
}

function ownMessage(ctx: CallContext, id: unknown): StoredMessage {
  const message = ctx.world.store.box(accountOf(ctx)).messages.get(id as number);
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
      const { self, peer, sent } = send(ctx, call, () => [{ text, media: NO_MEDIA }]);
      const id = sent.messages[0]?.id ?? 0;
      const plain = { _: "messages.sentMessage", id, date: sent.date, pts: sent.pts, seq: sent.seq };
      return result(ctx, "messages.sendMessage", plain, self, peer, sent);
    },
  },
  "messages.sendMedia": {
    needsAccount: true,
    handle(ctx, call) {
      const media = messageMedia(ctx, call.media as TlObject);
      const { self, peer, sent } = send(ctx, call, () => [{ text: "", media }]);
      return result(ctx, "messages.sendMedia", stated(ctx, self, peer, sent, false), self, peer, sent);
    },
  },
  "messages.forwardMessage": {
    needsAccount: true,
    handle(ctx, call) {
      const original = forwardOf(ownMessage(ctx, call.id));
      const { self, peer, sent } = send(ctx, call, () => [original]);
      return result(ctx, "messages.forwardMessage", stated(ctx, self, peer, sent, false), self, peer, sent);
    },
  },
  "messages.forwardMessages": {
    needsAccount: true,
    handle(ctx, call) {
      const ids = call.id as number[];
      if (ids.length === 0) throw badRequest("MESSAGE_ID_INVALID", "no message ids");
      const originals = ids.map((id) => forwardOf(ownMessage(ctx, id)));
      const { self, peer, sent } = send(ctx, call, () => originals);
      return result(ctx, "messages.forwardMessages", stated(ctx, self, peer, sent, true), self, peer, sent);
    },
  },
  "messages.createChat": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const title = String(call.title).trim();
      if (title === "") throw badRequest("CHAT_TITLE_EMPTY");
      const members = (call.users as TlObject[]).map((input) => resolveInputUser(ctx, input));
      const { store } = ctx.world;
      const chat = {
        id: store.nextChatId++,
        title,
        adminId: self,
        participants: [...new Set([self, ...members])],
        date: now(),
      };
      store.chats.set(chat.id, chat);
      const action = { _: "messageActionChatCreate", title, users: chat.participants };
      const sent = deliver(ctx, self, { chat: chat.id }, [{ text: "", media: NO_MEDIA, action }]);
      return stated(ctx, self, { chat: chat.id }, sent, false);
    },
  },
};
