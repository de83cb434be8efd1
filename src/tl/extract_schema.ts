// One definition of a layer document as a standalone schema: the definition plus every
// definition it reaches through `$ref`, so a vendor can feed it to any validator.
import { layerSchemaId } from "./derive_schema.ts";
import { layerDocument } from "./schema_registry.ts";
import type { JsonSchema } from "./type_expr.ts";
import type { Layer } from "./types.ts";

const LOCAL_REF = "#/$defs/";

function refsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith(LOCAL_REF)) {
        found.add(inner.slice(LOCAL_REF.length));
      } else {
        refsIn(inner, found);
      }
    }
  }
}

export function hasDefinition(layer: Layer, key: string): boolean {
  return Object.hasOwn(layerDocument(layer).$defs as JsonSchema, key);
}

/** The keys of a definition and of every definition it reaches through `$ref`. */
export function reachableDefinitions(defs: JsonSchema, key: string): Set<string> {
  const needed = new Set<string>([key]);
  const queue = [key];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const found = new Set<string>();
    refsIn(defs[next], found);
    for (const ref of found) {
      if (!needed.has(ref)) {
        needed.add(ref);
        queue.push(ref);
      }
    }
  }
  return needed;
}

export function standaloneSchema(layer: Layer, key: string): JsonSchema {
  const defs = layerDocument(layer).$defs as JsonSchema;
  const needed = reachableDefinitions(defs, key);
  const picked: JsonSchema = {};
  for (const name of Object.keys(defs)) if (needed.has(name)) picked[name] = defs[name];
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${layerSchemaId(layer).replace(/\.json$/, "")}/${encodeURIComponent(key)}.json`,
    $ref: `${LOCAL_REF}${key}`,
    $defs: picked,
  };
}
