// Proof with code nobody here wrote: gramjs, rebuilt from our schema/layer3.tl and
// schema/mtproto.tl at run time (gramjs_rebuild.ts), serializes random values of every
// constructor and function it can build exactly as our codec does, byte for byte; our decoder
// reads gramjs's bytes back to the same value, and gramjs reads ours back to it too.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import {
  layerCodec,
  loadLayerTl,
  loadMtprotoTl,
  mtprotoTlPath,
  type TlCombinator,
} from "../../src/tl/index.ts";
import { layerTlPath } from "../../src/tl/layers.ts";
import { valueSpace } from "./arbitrary.ts";
import { rebuildGramjs } from "./gramjs_rebuild.ts";
import { gramjsValues, NotInGramjs } from "./gramjs_values.ts";

// gramjs handles Bool natively and skips its other "core types" (error, null) and the vector line.
const GRAMJS_CORE = new Set(["boolFalse", "boolTrue", "error", "null", "vector"]);
// Service lines gramjs's generator cannot build: a bare-typed field (its getBytes drops the wrong
// id, its reader looks bare types up in an `api.constructors` that does not exist) or a line
// without an id whose text it checksums without its fields. Its client parses these by hand.
const GRAMJS_CANNOT = new Set(["message", "msg_container", "msg_copy", "future_salts"]);

const serviceText = readFileSync(mtprotoTlPath(), "utf8")
  .split("\n")
  .filter((line) => !GRAMJS_CANNOT.has(line.split(/[#\s]/, 1)[0] ?? ""))
  .join("\n");
const gramjs = rebuildGramjs(readFileSync(layerTlPath(3), "utf8"), serviceText);

const layer3 = loadLayerTl(3);
const service = loadMtprotoTl();
const serviceLines = new Set([...service.constructors, ...service.functions]);
// By line, not by name: the API's `message` is comparable, the service `message` is not.
const comparable = (c: TlCombinator) =>
  serviceLines.has(c) ? !GRAMJS_CANNOT.has(c.name) : !GRAMJS_CORE.has(c.name);
const combinators = [...layer3.constructors, ...layer3.functions, ...serviceLines].filter(comparable);
const { toGram, fromGram } = gramjsValues(gramjs, combinators);
const codec = layerCodec(3);
const space = valueSpace(3, {
  sizeOf: (layer, value) => layerCodec(layer).encode("Object", value).length,
  allow: (c) => comparable(c) && c.resultType !== "Bool",
});
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

function compare(c: TlCombinator, value: Record<string, unknown>): boolean {
  let gram: ReturnType<typeof toGram>;
  try {
    gram = toGram(value);
  } catch (error) {
    // A layer-1 or layer-2 form inside invokeWithLayer1/2: gramjs holds layer 3 only.
    if (error instanceof NotInGramjs) return false;
    throw error;
  }
  const type = c.kind === "function" ? "!X" : "Object";
  const ours = codec.encode(type, value);
  const theirs = gram.getBytes();
  assert.equal(hex(ours), hex(theirs), `${c.name}: ${JSON.stringify(value).slice(0, 400)}`);
  assert.deepEqual(codec.decode(type, theirs), value);
  const read = gramjs.read(ours);
  assert.equal(read.length, ours.length);
  assert.deepEqual(fromGram(read.value), value);
  return true;
}

function compareAll(list: readonly TlCombinator[], runs: number): number {
  let compared = 0;
  for (const c of list.filter(comparable)) {
    const classOf = gramjs.classOf(c.name);
    assert.ok(classOf, `gramjs built no class for ${c.name}`);
    assert.equal(classOf.CONSTRUCTOR_ID, c.explicitId, `${c.name}: gramjs's id`);
    fc.assert(
      fc.property(space.combinator(c), (value) => {
        fc.pre(compare(c, value));
      }),
      { numRuns: runs },
    );
    compared += 1;
  }
  return compared;
}

test("every layer-3 constructor and function: gramjs's bytes are ours, both read both back", () => {
  const compared = compareAll([...layer3.constructors, ...layer3.functions], 25);
  assert.equal(compared, layer3.constructors.length + layer3.functions.length - GRAMJS_CORE.size);
});

test("every service constructor and function gramjs can build: the same", () => {
  const compared = compareAll([...service.constructors, ...service.functions], 40);
  assert.equal(compared, service.constructors.length + service.functions.length - GRAMJS_CANNOT.size);
});

test("a value gramjs cannot hold is rare, so the comparisons above are of nearly every value", () => {
  let skipped = 0;
  let total = 0;
  for (const c of [...layer3.functions].filter(comparable)) {
    for (const value of fc.sample(space.combinator(c), 5)) {
      total += 1;
      if (!compare(c, value)) skipped += 1;
    }
  }
  assert.ok(skipped < total / 20, `${skipped} of ${total} skipped`);
});
