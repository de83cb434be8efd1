// Most definitions are the same in every layer (layer 3 differs from layer 1 in about 110 of 414,
// counting every definition that reaches a changed one). The generated validators compile each
// distinct definition once: layer 3's `type:Photo` is validated by layer 1's function. This
// keeps the generated code a third of the size of three full copies, and its load time with it.
import { SCHEMA_ID_BASE } from "./derive_schema.ts";
import { reachableDefinitions } from "./extract_schema.ts";
import type { JsonSchema } from "./type_expr.ts";
import type { Layer } from "./types.ts";

const LOCAL_REF = "#/$defs/";

/** Each layer's `$defs`, in layer order. */
export type LayerDefinitions = ReadonlyMap<Layer, JsonSchema>;

/**
 * For each layer and definition, the lowest layer where that definition and everything it
 * reaches have the same text, so one function validates both.
 */
export function ownerLayers(layers: LayerDefinitions): Map<Layer, Map<string, Layer>> {
  const texts = new Map<Layer, Map<string, string>>();
  for (const [layer, defs] of layers)
    texts.set(layer, new Map(Object.entries(defs).map(([key, def]) => [key, JSON.stringify(def)])));
  const owners = new Map<Layer, Map<string, Layer>>();
  for (const [layer, defs] of layers) {
    const own = texts.get(layer) as Map<string, string>;
    const ownerOf = new Map<string, Layer>();
    for (const key of Object.keys(defs)) {
      const reached = [...reachableDefinitions(defs, key)];
      const earlier = [...layers.keys()].filter((other) => other < layer);
      const same = earlier.find((other) => reached.every((k) => texts.get(other)?.get(k) === own.get(k)));
      ownerOf.set(key, same ?? layer);
    }
    owners.set(layer, ownerOf);
  }
  return owners;
}

function rewriteRefs(value: unknown, target: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, target));
  if (typeof value !== "object" || value === null) return value;
  const copy: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] =
      key === "$ref" && typeof inner === "string" && inner.startsWith(LOCAL_REF)
        ? target(inner.slice(LOCAL_REF.length))
        : rewriteRefs(inner, target);
  }
  return copy;
}

/** Where the generated code finds one definition of one layer: each compiles once, under this id. */
export function definitionId(layer: Layer, key: string): string {
  return `${SCHEMA_ID_BASE}layer${layer}/${key}`;
}

/** Ajv compiles a definition once per way it is reached: one id each keeps it to exactly once. */
export interface OwnedDefinition {
  /** What is compiled: the definition under its own id, every `$ref` pointing at an owner's id. */
  copy: JsonSchema;
  original: JsonSchema;
}

/** The definitions a layer owns, by key, ready to compile beside the earlier layers' ones. */
export function ownedDefinitions(
  layer: Layer,
  defs: JsonSchema,
  owners: ReadonlyMap<string, Layer>,
): Map<string, OwnedDefinition> {
  const target = (key: string): string => definitionId(owners.get(key) ?? layer, key);
  const owned = new Map<string, OwnedDefinition>();
  for (const [key, def] of Object.entries(defs)) {
    if (owners.get(key) !== layer) continue;
    const copy = { $id: definitionId(layer, key), ...(rewriteRefs(def, target) as JsonSchema) };
    owned.set(key, { copy, original: def as JsonSchema });
  }
  return owned;
}
