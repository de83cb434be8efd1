// Property tests of the TL-JSON checks: values generated from a layer's own JSON Schema validate,
// and a single mutation of one makes it fail.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { layerSchema } from "./index.ts";
import { layerDocument } from "./schema_registry.ts";
import type { JsonSchema } from "./type_expr.ts";

const defs = layerDocument(3).$defs as Record<string, JsonSchema>;
const MAX_DEPTH = 3;

const PRIMITIVES: Record<string, fc.Arbitrary<unknown>> = {
  int: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  nat: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  long: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  double: fc.double({ noNaN: true, noDefaultInfinity: true }),
  string: fc.string({ maxLength: 8 }),
  bytes: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString("base64")),
  Bool: fc.boolean(),
};

function fieldCount(key: string): number {
  return Object.keys((defs[key]?.properties as object | undefined) ?? {}).length;
}

const cache = new Map<string, fc.Arbitrary<unknown>>();

function arbitraryOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const ref = schema.$ref;
  if (typeof ref === "string") return arbitraryOfDef(ref.replace("#/$defs/", ""), depth);
  if (schema.type === "array") {
    return fc.array(arbitraryOf(schema.items as JsonSchema, depth + 1), {
      maxLength: depth >= MAX_DEPTH ? 0 : 2,
    });
  }
  throw new Error(`no arbitrary for ${JSON.stringify(schema)}`);
}

function arbitraryOfDef(key: string, depth: number): fc.Arbitrary<unknown> {
  const primitive = PRIMITIVES[key];
  if (primitive) return primitive;
  const cacheKey = `${key}@${Math.min(depth, MAX_DEPTH)}`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const def = defs[key] as JsonSchema;
  let arbitrary: fc.Arbitrary<unknown>;
  if (Array.isArray(def.oneOf)) {
    // Past the depth bound, only the constructor with the fewest fields, so recursion ends.
    let branches = (def.oneOf as JsonSchema[]).map((b) => String(b.$ref).replace("#/$defs/", ""));
    if (depth >= MAX_DEPTH) branches = [branches.reduce((a, b) => (fieldCount(b) < fieldCount(a) ? b : a))];
    arbitrary = fc.oneof(...branches.map((b) => arbitraryOfDef(b, depth + 1)));
  } else {
    const properties = def.properties as Record<string, JsonSchema>;
    const names = Object.keys(properties).filter((n) => n !== "_");
    const tag = (properties._ as { const: string }).const;
    arbitrary = fc
      .tuple(...names.map((n) => arbitraryOf(properties[n] as JsonSchema, depth + 1)))
      .map((values) => Object.fromEntries([["_", tag], ...names.map((n, i) => [n, values[i]])]));
  }
  cache.set(cacheKey, arbitrary);
  return arbitrary;
}

const TYPES = [
  "User",
  "Message",
  "messages.StatedMessage",
  "updates.Difference",
  "contacts.Link",
  "messages.SentMessage",
];

test("values generated from the layer-3 schema of a type validate against it", () => {
  for (const type of TYPES) {
    fc.assert(
      fc.property(arbitraryOfDef(`type:${type}`, 0), (value) => {
        const result = layerSchema(3).validateType(type, value);
        assert.ok(result.ok, result.ok ? "" : result.summary);
      }),
      { numRuns: 60 },
    );
  }
});

type Mutation =
  | "drop a field"
  | "add a field"
  | "unknown constructor"
  | "long as a number"
  | "wrong primitive";

function mutate(value: Record<string, unknown>, mutation: Mutation): Record<string, unknown> | undefined {
  const copy = structuredClone(value);
  const fields = Object.keys(copy).filter((k) => k !== "_");
  switch (mutation) {
    case "drop a field":
      if (fields.length === 0) return undefined;
      delete copy[fields[0] as string];
      return copy;
    case "add a field":
      return { ...copy, not_in_tl: 1 };
    case "unknown constructor":
      return { ...copy, _: `${String(copy._)}Unknown` };
    case "long as a number": {
      const key = fields.find(
        (k) => typeof copy[k] === "string" && /^-?\d+$/.test(copy[k] as string) && k.endsWith("hash"),
      );
      if (!key) return undefined;
      copy[key] = Number(copy[key]);
      return copy;
    }
    case "wrong primitive": {
      const key = fields.find((k) => typeof copy[k] === "number" || typeof copy[k] === "boolean");
      if (!key) return undefined;
      copy[key] = [copy[key]];
      return copy;
    }
  }
}

test("a single mutation of a valid value makes it invalid", () => {
  const mutations: Mutation[] = [
    "drop a field",
    "add a field",
    "unknown constructor",
    "long as a number",
    "wrong primitive",
  ];
  for (const type of TYPES) {
    fc.assert(
      fc.property(arbitraryOfDef(`type:${type}`, 0), fc.constantFrom(...mutations), (value, mutation) => {
        const mutated = mutate(value as Record<string, unknown>, mutation);
        fc.pre(mutated !== undefined);
        assert.equal(
          layerSchema(3).validateType(type, mutated).ok,
          false,
          `${mutation} of ${JSON.stringify(value)}`,
        );
      }),
      { numRuns: 60 },
    );
  }
});
