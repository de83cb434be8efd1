// TL-JSON objects as one viewer sees them. Whether a phone appears is decided here and only here
// (through linkState), so the privacy rule has one home.
import type { CallContext } from "./context.ts";
import { linkState } from "./links.ts";
import type { ServerState } from "./state.ts";
import type { Chat, StoredMessage } from "./store/index.ts";
import type { TlObject } from "./tl_values.ts";

// Shared by every answer, so frozen: nothing downstream may change one answer through another.
const EMPTY_PHOTO = Object.freeze({ _: "userProfilePhotoEmpty" });
const EMPTY_STATUS = Object.freeze({ _: "userStatusEmpty" });

// Objects are built field by field: V8 (Node 20) builds {...a, b} on a slow path, a
// microsecond or more each, and these run for every user and message of every answer.
export function renderUser(state: ServerState, viewerId: number, userId: number): TlObject {
  const account = state.store.accounts.get(userId);
  if (!account) return { _: "userEmpty", id: userId };
  const { firstName: first_name, lastName: last_name, phone } = account;
  const [photo, status] = [EMPTY_PHOTO, EMPTY_STATUS];
  let user: TlObject;
  if (viewerId === userId) {
    user = { _: "userSelf", id: userId, first_name, last_name, phone, photo, status, inactive: false };
  } else {
    const kind = linkState(state.store, viewerId, userId).userKind;
    const access_hash = state.hashes.of(viewerId, userId);
    user =
      kind === "userForeign"
        ? { _: kind, id: userId, first_name, last_name, access_hash, photo, status }
        : { _: kind, id: userId, first_name, last_name, access_hash, phone, photo, status };
  }
  return state.hooks.renderUser(user, { viewerId, userId });
}

export function renderUsers(state: ServerState, viewerId: number, userIds: Iterable<number>): TlObject[] {
  return [...new Set(userIds)].map((id) => renderUser(state, viewerId, id));
}

export function renderLink(state: ServerState, viewerId: number, otherId: number): TlObject {
  if (viewerId === otherId) {
    const user = renderUser(state, viewerId, otherId);
    return {
      _: "contacts.link",
      my_link: { _: "contacts.myLinkEmpty" },
      foreign_link: { _: "contacts.foreignLinkUnknown" },
      user,
    };
  }
  const link = linkState(state.store, viewerId, otherId);
  return {
    _: "contacts.link",
    my_link: link.myLink,
    foreign_link: link.foreignLink,
    user: renderUser(state, viewerId, otherId),
  };
}

export function renderPeer(peer: StoredMessage["peer"]): TlObject {
  return "user" in peer ? { _: "peerUser", user_id: peer.user } : { _: "peerChat", chat_id: peer.chat };
}

/** The box owner's copy of a message; to_id is the conversation as TL had it (the other side). */
export function renderMessage(ownerId: number, message: StoredMessage): TlObject {
  const toId =
    "user" in message.peer && !message.out ? { _: "peerUser", user_id: ownerId } : renderPeer(message.peer);
  const { id, fromId: from_id, out, unread, date, text, media, forwardedFrom, action } = message;
  if (action) return { _: "messageService", id, from_id, to_id: toId, out, unread, date, action };
  if (forwardedFrom) {
    const { fromId: fwd_from_id, date: fwd_date } = forwardedFrom;
    return {
      _: "messageForwarded",
      id,
      fwd_from_id,
      fwd_date,
      from_id,
      to_id: toId,
      out,
      unread,
      date,
      message: text,
      media,
    };
  }
  return { _: "message", id, from_id, to_id: toId, out, unread, date, message: text, media };
}

function renderChat(chat: Chat): TlObject {
  return {
    _: "chat",
    id: chat.id,
    title: chat.title,
    photo: { _: "chatPhotoEmpty" },
    participants_count: chat.participants.length,
    date: chat.date,
    left: false,
    version: 1,
  };
}

/** The chats of these ids; one the server no longer keeps shows as chatEmpty. */
export function renderChats(state: ServerState, chatIds: Iterable<number>): TlObject[] {
  return [...new Set(chatIds)].map((id) => {
    const chat = state.store.chats.get(id);
    return chat ? renderChat(chat) : { _: "chatEmpty", id };
  });
}

/** Users a message names itself: its owner and sender, its user peer, a contact's user_id, its
 * forward's origin. A chat message also mentions its chat's members (usersOfMessage). */
export function directUsersOf(state: ServerState, ownerId: number, message: StoredMessage): number[] {
  const ids = [ownerId, message.fromId];
  if ("user" in message.peer) ids.push(message.peer.user);
  const mediaUser = message.media.user_id;
  if (typeof mediaUser === "number" && state.store.accounts.has(mediaUser)) ids.push(mediaUser);
  if (message.forwardedFrom) ids.push(message.forwardedFrom.fromId);
  return ids;
}

/** The members of a chat the server keeps; none for a forgotten one. */
export function membersOf(state: ServerState, chatId: number): number[] {
  return state.store.chats.get(chatId)?.participants ?? [];
}

/** Users a message mentions: those it names and, in a chat, the chat's members. */
export function usersOfMessage(
  ctx: Pick<CallContext, "state">,
  ownerId: number,
  message: StoredMessage,
): number[] {
  const ids = directUsersOf(ctx.state, ownerId, message);
  if ("chat" in message.peer) ids.push(...membersOf(ctx.state, message.peer.chat));
  return ids;
}
