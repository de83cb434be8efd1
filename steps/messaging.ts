// Every way a message goes from one user to another or to a chat, at a declared layer.
import { When } from "@cucumber/cucumber";
import { type SendKind, send, sendToChat } from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

When(
  "{role} messages {role} by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, peer: string, kind: SendKind, layer: Layer) {
    await send(this.session, kind, sender, peer, layer);
  },
);

When(
  "{role} sends own contact to {role} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, peer: string, layer: Layer) {
    await send(this.session, "contact", sender, peer, layer);
  },
);

When(
  "{role} sends {role}'s contact card to {role} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, cardOf: string, peer: string, layer: Layer) {
    await send(this.session, "contact", sender, peer, layer, { cardOf });
  },
);

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

When(
  "{role} messages their chat by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, kind: SendKind, layer: Layer) {
    await sendToChat(this.session, kind, sender, undefined, layer);
  },
);

When(
  "{role} messages the chat made by {role} by {send} at layer {layer}",
  async function (this: ConformanceWorld, sender: string, maker: string, kind: SendKind, layer: Layer) {
    await sendToChat(this.session, kind, sender, maker, layer);
  },
);
