// Every way a message goes from one user to another or to a chat, at a declared layer.
import { When } from "@cucumber/cucumber";
import { type SendKind, send, sendToChat } from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

/**
 * One private message of a send kind, at a declared layer, addressed with the sender's own latest view of the peer; its result is checked at once.
 * @example When A messages B by messages.sendMessage at layer 3
 */
When(
  "{role} messages {role} by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, peer: string, kind: SendKind, layer: Layer) {
    await send(this.session, kind, sender, peer, layer);
  },
);

/**
 * messages.sendMedia with inputMediaContact of the sender's own phone and names.
 * @example When A sends own contact to B at layer 1
 */
When(
  "{role} sends own contact to {role} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, peer: string, layer: Layer) {
    await send(this.session, "contact", sender, peer, layer);
  },
);

/**
 * A contact card with another user's number.
 * @example When A sends C's contact card to B at layer 1
 */
When(
  "{role} sends {role}'s contact card to {role} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, cardOf: string, peer: string, layer: Layer) {
    await send(this.session, "contact", sender, peer, layer, { cardOf });
  },
);

/**
 * A forward of the latest message the sender received from the third user.
 * @example When C forwards to B the latest message from A by messages.forwardMessages at layer 3
 */
When(
  "{role} forwards to {role} the latest message from {role} by {forward_method} at layer {layer}",
  async function (
    this: ConformanceWorld,
    sender: string,
    peer: string,
    from: string,
    kind: SendKind,
    layer: Layer,
  ) {
    await send(this.session, kind, sender, peer, layer, { forwardFrom: from });
  },
);

/**
 * A message to the latest chat made in the scenario (a group message reveals nothing).
 * @example When A messages their chat by messages.sendMessage at layer 1
 */
When(
  "{role} messages their chat by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, kind: SendKind, layer: Layer) {
    await sendToChat(this.session, kind, sender, undefined, layer);
  },
);

/**
 * A message to the latest chat that user made.
 * @example When A messages the chat made by C by messages.sendMessage at layer 1
 */
When(
  "{role} messages the chat made by {role} by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, maker: string, kind: SendKind, layer: Layer) {
    await sendToChat(this.session, kind, sender, maker, layer);
  },
);
