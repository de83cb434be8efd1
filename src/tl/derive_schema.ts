// Derives one JSON Schema document (draft 2020-12) per layer from its TL schema: a definition per
// constructor, per boxed type (discriminated on `_`), per method's params and per method's result.
// Nothing here is written by hand per type, so a TL change is a schema change.

import { SHARED_DEFINITIONS } from "./primitive_schemas.ts";
import { defKey, isBoxedType, type JsonSchema, type TypeContext, typeExprSchema } from "./type_expr.ts";
import type { Layer, TlCombinator, TlSchema } from "./types.ts";

export const SCHEMA_ID_BASE = "https://tl-conformance.invalid/schema/";

export function layerSchemaId(layer: Layer): string {
  return `${SCHEMA_ID_BASE}layer${layer}.json`;
}

/** Constructors the binding maps to native JSON (Bool → boolean, Vector → array). */
const NATIVE_BUILTINS = new Set(["boolFalse", "boolTrue", "vector"]);

/** Boxed types with their constructors, in schema order. */
export function typesOf(tl: TlSchema): Map<string, TlCombinator[]> {
  const types = new Map<string, TlCombinator[]>();
  for (const c of tl.constructors) {
    if (NATIVE_BUILTINS.has(c.name) || !isBoxedType(c.resultType)) continue;
    types.set(c.resultType, [...(types.get(c.resultType) ?? []), c]);
  }
  return types;
}

/** Wrappers such as invokeWithLayer3 take `{X:Type}` and are not calls of their own. */
export function isGeneric(fn: TlCombinator): boolean {
  return fn.typeParams.length > 0;
}

function objectSchema(tag: string, fields: TlCombinator["params"], ctx: TypeContext): JsonSchema {
  const properties: JsonSchema = { _: { const: tag } };
  for (const p of fields) properties[p.name] = typeExprSchema(p.type, ctx);
  return {
    type: "object",
    properties,
    required: ["_", ...fields.map((p) => p.name)],
    additionalProperties: false,
  };
}

function unionSchema(title: string, branches: string[]): JsonSchema {
  // The title names the type in error messages ("unknown constructor ... for type User").
  return {
    title,
    type: "object",
    properties: { _: { type: "string" } },
    required: ["_"],
    discriminator: { propertyName: "_" },
    oneOf: branches.map((key) => ({ $ref: `#/$defs/${key}` })),
  };
}

export function deriveLayerDocument(tl: TlSchema, layer: Layer): JsonSchema {
  const types = typesOf(tl);
  const constructorNames = new Set(tl.constructors.map((c) => c.name));
  const context = (typeParams: string[]): TypeContext => ({
    refBase: "#/$defs/",
    typeParams: new Set(typeParams),
    hasType: (name) => types.has(name),
    hasConstructor: (name) => constructorNames.has(name) && !NATIVE_BUILTINS.has(name),
  });
  const defs: JsonSchema = { ...SHARED_DEFINITIONS };
  for (const c of tl.constructors) {
    if (!NATIVE_BUILTINS.has(c.name))
      defs[defKey.constructor(c.name)] = objectSchema(c.name, c.params, context([]));
  }
  for (const [type, ctors] of types)
    defs[defKey.type(type)] = unionSchema(
      `type ${type}`,
      ctors.map((c) => defKey.constructor(c.name)),
    );
  const calls = tl.functions.filter((f) => !isGeneric(f));
  for (const fn of tl.functions) {
    const typeParams = fn.typeParams.map((p) => p.name);
    defs[defKey.method(fn.name)] = objectSchema(fn.name, fn.params, context(typeParams));
    defs[defKey.result(fn.name)] = typeExprSchema(fn.resultType, context(typeParams));
  }
  defs[defKey.call()] = unionSchema(
    `a method call of layer ${layer}`,
    calls.map((f) => defKey.method(f.name)),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: layerSchemaId(layer),
    title: `TL-JSON values of API layer ${layer}`,
    description: `Generated from schema/layer${layer}.tl by scripts/generate-schemas.ts; do not edit.`,
    $defs: defs,
  };
}
