// Every way a message goes from one user to another, at a declared layer.
import { When } from "@cucumber/cucumber";
import type { Layer } from "../src/tl/index.ts";
import { randomLong, type SendKind, send } from "../support/actions.ts";
import type { Role } from "../support/spec_oracle.ts";
import type { ConformanceWorld } from "../support/world.ts";

const SENDS: [phrase: string, kind: SendKind][] = [
  ["sends a message to", "message"],
  ["sends own contact to", "contact"],
  ["forwards a message to", "forward"],
  ["forwards messages to", "forwards"],
];

for (const [phrase, kind] of SENDS) {
  When(
    `{role} ${phrase} {role} at layer {layer}`,
    async function (this: ConformanceWorld, from: Role, to: Role, layer: Layer) {
      await send(this, kind, from, to, layer);
    },
  );
}

When(
  "{role} sends a message to their chat at layer {layer}",
  async function (this: ConformanceWorld, from: Role, layer: Layer) {
    this.layer = layer;
    const chat = this.chatId;
    if (chat === undefined) throw new Error("SCENARIO_ERROR: no chat was made in this scenario");
    await this.rpc(from, {
      _: "messages.sendMessage",
      peer: { _: "inputPeerChat", chat_id: chat },
      message: "hello, chat",
      random_id: randomLong(),
    });
  },
);
