// The three layer files: every id is the CRC of its text, and each layer differs from the one
// before by exactly the changes the official changelog lists (shared/tl/README.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatId } from "./compute_id.ts";
import { LAYERS, type Layer, layerOfWrapper, loadLayerTl, wrapperForLayer } from "./index.ts";

function entries(layer: Layer): Set<string> {
  const tl = loadLayerTl(layer);
  return new Set([...tl.constructors, ...tl.functions].map((c) => `${c.name}${formatId(c.explicitId ?? 0)}`));
}

function delta(from: Layer, to: Layer): { added: string[]; removed: string[] } {
  const [a, b] = [entries(from), entries(to)];
  return { added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() };
}

test("every explicit id of schema/layerN.tl is the CRC of its text", () => {
  for (const layer of LAYERS) {
    const tl = loadLayerTl(layer);
    const bad = [...tl.constructors, ...tl.functions]
      .filter((c) => c.explicitId !== c.computedId)
      .map((c) => c.name);
    assert.deepEqual(bad, [], `layer ${layer}`);
  }
});

test("layer 2 changes exactly what the changelog says", () => {
  const { added, removed } = delta(1, 2);
  assert.deepEqual(added, [
    "inputPeerNotifySettings#46a2ce98",
    "invokeWithLayer2#289dd1f6",
    "peerNotifySettings#8d5e11ee",
    "photos.getUserPhotos#b7ee553c",
    "updateUserPhoto#95313b0c",
    "userProfilePhoto#d559d8c8",
  ]);
  assert.deepEqual(removed, [
    "inputPeerNotifySettings#3cf4b1be",
    "peerNotifySettings#ddbcd4a5",
    "updateUserPhoto#bb8ba607",
    "userProfilePhoto#990d1493",
  ]);
});

test("layer 3 adds exactly the link results, forwardMessage, sendBroadcast and its wrapper", () => {
  assert.deepEqual(delta(2, 3), {
    added: [
      "invokeWithLayer3#b7475268",
      "messages.forwardMessage#3f3f4f2",
      "messages.sendBroadcast#41bb0972",
      "messages.sentMessageLink#e9db4a3f",
      "messages.statedMessageLink#a9af2881",
      "messages.statedMessagesLinks#3e74f5c6",
    ],
    removed: [],
  });
});

test("layer wrappers", () => {
  assert.equal(layerOfWrapper("invokeWithLayer2"), 2);
  assert.equal(layerOfWrapper("invokeWithLayer3"), 3);
  assert.equal(layerOfWrapper("invokeWithLayer99"), undefined);
  assert.equal(layerOfWrapper("invokeWithLayer"), undefined);
  assert.equal(wrapperForLayer(3), "invokeWithLayer3");
});
