// Decoding is total: random bytes and mutations of valid encodings decode either to a value or
// to a TlCodecError, never to another throw. A value that decodes is the canonical encoding of
// itself: encoding it again gives the same bytes (a NaN aside, whose payload TL-JSON cannot keep).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { valueSpace } from "../../../test/tl/arbitrary.ts";
import { LAYERS, type Layer, layerCodec, TlCodecError } from "../index.ts";

const sizeOf = (layer: Layer, value: unknown) => layerCodec(layer).encode("Object", value).length;
const TYPES = [
  "Object",
  "!X",
  "User",
  "updates.Difference",
  "Vector<User>",
  "messages.StatedMessage",
  "ResPQ",
];

function hasNaN(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (value && typeof value === "object") return Object.values(value).some(hasNaN);
  return false;
}

/** Decodes `bytes`; checks that the outcome is a value that re-encodes to them, or a TlCodecError. */
function decodesTotally(layer: Layer, type: string, bytes: Uint8Array): "value" | "error" {
  const codec = layerCodec(layer);
  let value: unknown;
  try {
    value = codec.decode(type, bytes);
  } catch (error) {
    assert.ok(error instanceof TlCodecError, `not a TlCodecError: ${String(error)}`);
    assert.match(error.code, /^TL_DECODE_/);
    assert.ok(error.offset >= 0 && error.offset <= bytes.length, `offset ${error.offset} of ${bytes.length}`);
    return "error";
  }
  if (!hasNaN(value)) assert.deepEqual(Buffer.from(codec.encode(type, value)), Buffer.from(bytes));
  return "value";
}

test("random bytes decode to a value or a TlCodecError", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...LAYERS),
      fc.constantFrom(...TYPES),
      fc.uint8Array({ maxLength: 200 }),
      (layer, type, bytes) => {
        decodesTotally(layer, type, bytes);
      },
    ),
    { numRuns: 3000 },
  );
});

const word = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constantFrom(
    0x1cb5c415,
    0x997275b5,
    0xbc799737,
    0x7fffffff,
    0xffffffff,
    254,
    255,
    0x3072cfa1,
    0x73f1f8dc,
  ),
);

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number; bit: number }
  | { kind: "word"; at: number; value: number }
  | { kind: "insert"; at: number; value: number }
  | { kind: "append"; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("word" as const), at: fc.nat(), value: word }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), value: word }),
  fc.record({ kind: fc.constant("append" as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const out = Buffer.from(bytes);
  const aligned = (at: number) => (at % Math.max(1, Math.floor(out.length / 4))) * 4;
  switch (m.kind) {
    case "truncate":
      return out.subarray(0, m.at % Math.max(1, out.length));
    case "flip":
      if (out.length > 0) out[m.at % out.length] = (out[m.at % out.length] ?? 0) ^ (1 << m.bit);
      return out;
    case "word":
      if (out.length >= 4) out.writeUInt32LE(m.value >>> 0, aligned(m.at));
      return out;
    case "insert": {
      const w = Buffer.alloc(4);
      w.writeUInt32LE(m.value >>> 0);
      const at = out.length >= 4 ? aligned(m.at) : 0;
      return Buffer.concat([out.subarray(0, at), w, out.subarray(at)]);
    }
    case "append":
      return Buffer.concat([out, m.bytes]);
  }
}

for (const layer of LAYERS) {
  test(`layer ${layer}: mutations of valid encodings decode to a value or a TlCodecError`, () => {
    const codec = layerCodec(layer);
    const space = valueSpace(layer, { sizeOf });
    const outcomes = { value: 0, error: 0 };
    fc.assert(
      fc.property(
        fc.oneof(
          space.type("Object", 0).map((v) => ["Object", v] as const),
          space.call(0).map((v) => ["!X", v] as const),
          space.type("updates.Difference", 0).map((v) => ["updates.Difference", v] as const),
        ),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        ([type, value], mutations) => {
          const bytes = mutations.reduce(mutate, codec.encode(type, value));
          outcomes[decodesTotally(layer, type, bytes)] += 1;
        },
      ),
      { numRuns: 1500 },
    );
    // Both outcomes occur, so the property is not vacuous either way.
    assert.ok(outcomes.value > 50 && outcomes.error > 500, JSON.stringify(outcomes));
  });
}
