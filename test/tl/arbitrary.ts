// fast-check arbitraries of TL-JSON values, generated from the parsed schemas of a layer codec
// (the layer's file and schema/mtproto.tl). Written from the TL text and the rules of docs/tl.md,
// not from the codec's tables, so a round trip checks the codec against the schema.
import fc from "fast-check";
import {
  LAYERS,
  type Layer,
  loadLayerTl,
  loadMtprotoTl,
  type TlCombinator,
  type TlSchema,
} from "../../src/tl/index.ts";

const MAX_DEPTH = 3;
const INT = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const bytesOf = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

export const PRIMITIVES: Record<string, fc.Arbitrary<unknown>> = {
  int: INT,
  "#": fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  // The whole range, and often the numbers near 2^53 where number arithmetic stops being exact.
  long: fc
    .oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
      fc.bigInt({ min: -1000n, max: 1000n }),
    )
    .map(String),
  double: fc.double(),
  // Short text most of the time, and now and then past 253 bytes (the 4-byte length form).
  string: fc.oneof(
    { weight: 9, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 90, maxLength: 300 }) },
  ),
  bytes: fc
    .oneof({ weight: 9, arbitrary: bytesOf(0, 12) }, { weight: 1, arbitrary: bytesOf(250, 600) })
    .map((b) => Buffer.from(b).toString("base64")),
  int128: bytesOf(16, 16).map((b) => Buffer.from(b).toString("hex")),
  int256: bytesOf(32, 32).map((b) => Buffer.from(b).toString("hex")),
  Bool: fc.boolean(),
};

const isBoxed = (name: string) => /^[A-Z]/.test(name.slice(name.lastIndexOf(".") + 1));
const VECTOR = /^(%?)([Vv])ector<(.+)>$/;

export interface ValueSpace {
  readonly schemas: readonly TlSchema[];
  /** Values of a type expression as written in the schema `scope` (0: the API layer). */
  type(expr: string, scope?: number, depth?: number): fc.Arbitrary<unknown>;
  /** Objects of one constructor or function, `_` included. */
  combinator(c: TlCombinator, depth?: number): fc.Arbitrary<Record<string, unknown>>;
  /** Any function of this layer (a `!X`). */
  call(depth: number): fc.Arbitrary<Record<string, unknown>>;
}

export interface SpaceOptions {
  /** The encoded size of a boxed value, for the service `message`, whose `bytes` is its body's length. */
  sizeOf: (layer: Layer, value: unknown) => number;
  /** Combinators `Object` and `!X` may pick; all but Bool's by default. */
  allow?: (c: TlCombinator) => boolean;
}

export function valueSpace(layer: Layer, options: SpaceOptions): ValueSpace {
  const family = new Map<Layer, ValueSpace>();
  const build = (l: Layer): ValueSpace => {
    let space = family.get(l);
    if (!space) {
      space = makeSpace(l, [loadLayerTl(l), loadMtprotoTl()], options, build);
      family.set(l, space);
    }
    return space;
  };
  return build(layer);
}

function fieldCount(c: TlCombinator): number {
  return c.params.length;
}

function makeSpace(
  layer: Layer,
  schemas: TlSchema[],
  options: SpaceOptions,
  familyOf: (l: Layer) => ValueSpace,
): ValueSpace {
  const scopeOf = new Map<TlCombinator, number>();
  schemas.forEach((s, i) => {
    for (const c of [...s.constructors, ...s.functions]) scopeOf.set(c, i);
  });
  const allow = options.allow ?? ((c: TlCombinator) => c.resultType !== "Bool");
  const all = schemas.flatMap((s) => [...s.constructors, ...s.functions]).filter((c) => c.name !== "vector");
  // By name `_` reaches the first schema's combinator, so a later one of the same name (the
  // service `message`) is reachable only where its own schema names it.
  const objects = all.filter((c, i) => allow(c) && all.findIndex((k) => k.name === c.name) === i);
  const functions = objects.filter((c) => c.kind === "function");
  const cache = new Map<string, fc.Arbitrary<unknown>>();

  const memo = (key: string, make: () => fc.Arbitrary<unknown>) => {
    let a = cache.get(key);
    if (!a) {
      a = fc.constant(null).chain(() => make());
      cache.set(key, a);
    }
    return a;
  };

  const pick = (list: TlCombinator[], depth: number) => {
    // Past the depth bound only the combinators with the fewest fields, so recursion ends.
    const least = Math.min(...list.map(fieldCount));
    const chosen = depth >= MAX_DEPTH ? list.filter((c) => fieldCount(c) === least) : list;
    return fc.oneof(...chosen.map((c) => space.combinator(c, depth)));
  };

  const inScope = (scope: number, find: (s: TlSchema) => TlCombinator[]) => {
    for (const s of [schemas[scope], ...schemas]) {
      const found = s ? find(s) : [];
      if (found.length > 0) return found;
    }
    throw new Error(`layer ${layer}: nothing found`);
  };

  const space: ValueSpace = {
    schemas,
    type(expr, scope = 0, depth = 0): fc.Arbitrary<unknown> {
      const primitive = PRIMITIVES[expr];
      if (primitive) return primitive;
      if (expr === "Object") return memo(`Object@${Math.min(depth, MAX_DEPTH)}`, () => pick(objects, depth));
      if (expr.startsWith("!")) return space.call(depth);
      const vector = VECTOR.exec(expr);
      if (vector) {
        const element = space.type(vector[3] ?? "", scope, depth + 1);
        return fc.array(element, { maxLength: depth >= MAX_DEPTH ? 0 : 2 });
      }
      const bare = expr.replace(/^%/, "");
      if (isBoxed(bare)) {
        const list = inScope(scope, (s) => s.constructors.filter((c) => c.resultType === bare));
        if (expr.startsWith("%")) return space.combinator(list[0] as TlCombinator, depth);
        return memo(`${scope}:${expr}@${Math.min(depth, MAX_DEPTH)}`, () => pick(list, depth));
      }
      const [c] = inScope(scope, (s) => s.constructors.filter((k) => k.name === bare));
      return space.combinator(c as TlCombinator, depth);
    },

    call(depth) {
      return memo(`!X@${Math.min(depth, MAX_DEPTH)}`, () => pick(functions, depth)) as fc.Arbitrary<
        Record<string, unknown>
      >;
    },

    combinator(c, depth = 0) {
      const scope = scopeOf.get(c) ?? 0;
      return memo(`${c.name}#${scope}@${Math.min(depth, MAX_DEPTH)}`, () => {
        if (c.name === "message" && scope === 1) return serviceMessage(depth);
        if (c.name === "invokeWithLayer") return genericWrapper(depth);
        const fields = c.params.map((p) => fieldArbitrary(c, p.type, scope, depth));
        return fc
          .tuple(...fields)
          .map((values) =>
            Object.fromEntries([["_", c.name], ...c.params.map((p, i) => [p.name, values[i]])]),
          );
      }) as fc.Arbitrary<Record<string, unknown>>;
    },
  };

  function fieldArbitrary(c: TlCombinator, type: string, scope: number, depth: number) {
    const fixed = /^invokeWithLayer(\d+)$/.exec(c.name);
    if (type.startsWith("!") && fixed) return familyOf(Number(fixed[1]) as Layer).call(depth + 1);
    return space.type(type, scope, depth + 1);
  }

  // The generic wrapper's query must be a call of the layer its `layer` field names.
  function genericWrapper(depth: number) {
    return fc.constantFrom(...LAYERS).chain((l) =>
      familyOf(l)
        .call(depth + 1)
        .map((query) => ({ _: "invokeWithLayer", layer: l, query })),
    );
  }

  function serviceMessage(depth: number) {
    return fc
      .tuple(PRIMITIVES.long as fc.Arbitrary<string>, INT, space.type("Object", 1, depth + 1))
      .map(([msg_id, seqno, body]) => ({
        _: "message",
        msg_id,
        seqno,
        bytes: options.sizeOf(layer, body),
        body,
      }));
  }

  return space;
}
