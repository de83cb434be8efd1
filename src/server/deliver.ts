// Sending: the link check runs immediately before the message is stored (docs/semantics.md,
// S1-BEFORE-SEND), then a copy goes into every participant's box and update stream.
import type { CallContext } from "./context.ts";
import type { LinkChange } from "./hooks.ts";
import { deliverLinkChanges, trackLinks } from "./link_changes.ts";
import { badRequest } from "./rpc_error.ts";
import type { StoredMessage } from "./store/index.ts";
import { now, type TlObject } from "./tl_values.ts";

export interface Outgoing {
  text: string;
  media: TlObject;
  forwardedFrom?: { fromId: number; date: number };
  action?: TlObject;
}

export interface Sent {
  /** The sender's copies, in order. */
  messages: StoredMessage[];
  /** The sender's own links that the send changed. */
  senderChanges: LinkChange[];
  pts: number;
  seq: number;
  date: number;
}

function store(
  ctx: CallContext,
  ownerId: number,
  message: Omit<StoredMessage, "id">,
): StoredMessage | undefined {
  const box = ctx.state.store.box(ownerId);
  if (!box) return undefined;
  const stored = box.addMessage(message);
  box.addUpdate({ kind: "message", messageId: stored.id });
  return stored;
}

function participants(ctx: CallContext, senderId: number, peer: StoredMessage["peer"]): number[] {
  if ("user" in peer) return peer.user === senderId ? [senderId] : [senderId, peer.user];
  return ctx.state.store.chats.get(peer.chat)?.participants ?? [senderId];
}

export function deliver(
  ctx: CallContext,
  senderId: number,
  peer: StoredMessage["peer"],
  outgoing: Outgoing[],
): Sent {
  const { state } = ctx;
  // Each copy is stored in a box: bound them before anything changes (a forward of many
  // messages into a large chat is the one send that can reach this).
  const copies = outgoing.length * participants(ctx, senderId, peer).length;
  if (copies > state.limits.maxCopiesPerSend) {
    throw badRequest("MESSAGE_IDS_TOO_MUCH", `${copies} copies, at most ${state.limits.maxCopiesPerSend}`);
  }
  const privatePeer = "user" in peer && peer.user !== senderId ? peer.user : undefined;
  const changed = trackLinks(
    state,
    privatePeer === undefined
      ? []
      : [
          [senderId, privatePeer],
          [privatePeer, senderId],
        ],
  );
  if (privatePeer !== undefined) {
    const { hasContact, reveal } = state.relations;
    state.hooks.revealOnMessage({ method: ctx.method, senderId, peerId: privatePeer, hasContact, reveal });
  }
  const date = now();
  const messages: StoredMessage[] = [];
  for (const item of outgoing) {
    for (const ownerId of participants(ctx, senderId, peer)) {
      const out = ownerId === senderId;
      const ownerPeer = "user" in peer && !out ? { user: senderId } : peer;
      const { text, media, forwardedFrom, action } = item;
      const copy = store(ctx, ownerId, {
        fromId: senderId,
        peer: ownerPeer,
        out,
        unread: true,
        date,
        text,
        media,
        forwardedFrom,
        action,
      });
      if (out && copy) messages.push(copy);
    }
  }
  const changes = changed();
  deliverLinkChanges(state, senderId, changes, ctx.method);
  const box = state.store.box(senderId);
  return {
    messages,
    senderChanges: changes.filter((c) => c.viewerId === senderId),
    pts: box?.pts ?? 0,
    seq: box?.seq ?? 0,
    date,
  };
}
