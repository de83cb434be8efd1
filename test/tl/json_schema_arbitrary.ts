// fast-check arbitraries of TL-JSON values, generated from a layer's JSON Schema document (its
// `$defs`), and the single mutations that must make a valid value invalid: for the schema checks
// (src/tl/property.test.ts, precompiled.test.ts). arbitrary.ts beside it generates from the TL
// text instead, for the binary codec.
import fc from "fast-check";
import type { JsonSchema } from "../../src/tl/type_expr.ts";

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

/** Valid values of a definition (`type:User`, `result:messages.sendMessage`) of one document. */
export function valuesOf(defs: Record<string, JsonSchema>): (key: string) => fc.Arbitrary<unknown> {
  const cache = new Map<string, fc.Arbitrary<unknown>>();
  const fieldCount = (key: string): number =>
    Object.keys((defs[key]?.properties as object | undefined) ?? {}).length;

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
    } else if (def.properties === undefined) {
      arbitrary = arbitraryOf(def, depth);
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

  return (key) => arbitraryOfDef(key, 0);
}

export const MUTATIONS = [
  "drop a field",
  "add a field",
  "unknown constructor",
  "long as a number",
  "wrong primitive",
] as const;

export type Mutation = (typeof MUTATIONS)[number];

/** The value with one thing broken, or undefined when this value has nothing of that kind. */
export function mutate(
  value: Record<string, unknown>,
  mutation: Mutation,
): Record<string, unknown> | undefined {
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
