// InputPeer / InputUser → a user or chat the caller may address. A contact may be named by id;
// anyone else needs the access_hash this server gave this caller for that user.
import type { CallContext } from "./context.ts";
import { badRequest } from "./rpc_error.ts";
import type { StoredMessage } from "./store/index.ts";
import type { TlObject } from "./tl_values.ts";

function callerId(ctx: CallContext): number {
  if (ctx.accountId === undefined) throw new Error("peers need an account; dispatch checks it first");
  return ctx.accountId;
}

function addressable(ctx: CallContext, input: TlObject): number | undefined {
  const self = callerId(ctx);
  const { store, hashes } = ctx.state;
  switch (input._) {
    case "inputUserSelf":
    case "inputPeerSelf":
      return self;
    case "inputUserContact":
    case "inputPeerContact": {
      const id = input.user_id as number;
      return store.hasContact(self, id) ? id : undefined;
    }
    case "inputUserForeign":
    case "inputPeerForeign": {
      const id = input.user_id as number;
      return store.accounts.has(id) && input.access_hash === hashes.of(self, id) ? id : undefined;
    }
    default:
      return undefined;
  }
}

export function resolveInputUser(ctx: CallContext, input: TlObject): number {
  const id = addressable(ctx, input);
  if (id === undefined) throw badRequest("USER_ID_INVALID", `cannot address ${input._}`);
  return id;
}

export function resolveInputPeer(ctx: CallContext, input: TlObject): StoredMessage["peer"] {
  if (input._ === "inputPeerChat") {
    const chat = ctx.state.store.chats.get(input.chat_id as number);
    if (!chat?.participants.includes(callerId(ctx)))
      throw badRequest("PEER_ID_INVALID", "not a member of that chat");
    return { chat: chat.id };
  }
  const id = addressable(ctx, input);
  if (id === undefined) throw badRequest("PEER_ID_INVALID", `cannot address ${input._}`);
  return { user: id };
}
