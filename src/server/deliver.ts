// Sending: the link check runs immediately before the message is stored (docs/semantics.md,
// S1-BEFORE-SEND), then a copy goes into every participant's box and update stream.
import type { CallContext } from "./context.ts";
import type { LinkChange } from "./hooks.ts";
import { deliverLinkChanges, trackLinks } from "./link_changes.ts";
import { usersOfMessage } from "./render.ts";
import type { StoredMessage } from "./store.ts";
import { now, type TlObject } from "./tl_values.ts";
import { appendUpdate } from "./update_stream.ts";

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

function store(ctx: CallContext, ownerId: number, message: Omit<StoredMessage, "id">): StoredMessage {
  const box = ctx.world.store.box(ownerId);
  const stored = { ...message, id: box.nextMessageId++ };
  box.messages.set(stored.id, stored);
  appendUpdate(
    ctx.world,
    ownerId,
    { kind: "message", messageId: stored.id },
    usersOfMessage(ctx, ownerId, stored),
  );
  return stored;
}

function participants(ctx: CallContext, senderId: number, peer: StoredMessage["peer"]): number[] {
  if ("user" in peer) return peer.user === senderId ? [senderId] : [senderId, peer.user];
  return ctx.world.store.chats.get(peer.chat)?.participants ?? [senderId];
}

export function deliver(
  ctx: CallContext,
  senderId: number,
  peer: StoredMessage["peer"],
  outgoing: Outgoing[],
): Sent {
  const { world } = ctx;
  const privatePeer = "user" in peer && peer.user !== senderId ? peer.user : undefined;
  const changed = trackLinks(
    world,
    privatePeer === undefined
      ? []
      : [
          [senderId, privatePeer],
          [privatePeer, senderId],
        ],
  );
  if (privatePeer !== undefined) {
    world.hooks.revealOnMessage({
      senderId,
      peerId: privatePeer,
      hasContact: (owner, other) => world.store.hasContact(owner, other),
      reveal: (viewer, owner) => world.store.reveal(viewer, owner),
    });
  }
  const date = now();
  const messages: StoredMessage[] = [];
  for (const item of outgoing) {
    for (const ownerId of participants(ctx, senderId, peer)) {
      const out = ownerId === senderId;
      const ownerPeer = "user" in peer && !out ? { user: senderId } : peer;
      const copy = store(ctx, ownerId, {
        ...item,
        fromId: senderId,
        peer: ownerPeer,
        out,
        unread: true,
        date,
      });
      if (out) messages.push(copy);
    }
  }
  const changes = changed();
  deliverLinkChanges(world, senderId, changes);
  const box = world.store.box(senderId);
  return {
    messages,
    senderChanges: changes.filter((c) => c.viewerId === senderId),
    pts: box.pts,
    seq: box.seq,
    date,
  };
}
