// The one Ajv instance that owns every layer's schema document, for what no generated validator
// covers (src/tl/precompiled.ts): an ad-hoc type expression such as `Vector<User>`, or every
// definition when the generated file is stale. Documents are added once; each validator is
// compiled on first use and kept, so start-up pays only for what a run needs.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { AJV_OPTIONS, TL_FORMATS } from "./ajv_options.ts";
import { deriveLayerDocument, layerSchemaId } from "./derive_schema.ts";
import { loadLayerTl } from "./layers.ts";
import { precompiledValidator } from "./precompiled.ts";
import type { JsonSchema } from "./type_expr.ts";
import { LAYERS, type Layer } from "./types.ts";

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function registry(): Ajv2020 {
  if (!ajv) {
    // code.optimize off: halves compile time (600 → 320 ms for a run's validators) for ~2% of
    // validation speed (bench/tl.ts), and only what nothing generated covers is compiled here.
    // The generated validators are optimised: their compile time is the build's.
    ajv = new Ajv2020({ ...AJV_OPTIONS, code: { optimize: false } });
    for (const [name, format] of Object.entries(TL_FORMATS)) ajv.addFormat(name, format);
    for (const layer of LAYERS) ajv.addSchema(layerDocument(layer));
  }
  return ajv;
}

const documents = new Map<Layer, JsonSchema>();

/** The derived document of a layer (what scripts/generate-schemas.ts writes to schema/json/). */
export function layerDocument(layer: Layer): JsonSchema {
  let doc = documents.get(layer);
  if (!doc) {
    doc = deriveLayerDocument(loadLayerTl(layer), layer);
    documents.set(layer, doc);
  }
  return doc;
}

/** The validator of one definition of a layer document, e.g. `result:messages.sendMessage`. */
export function definitionValidator(layer: Layer, key: string): ValidateFunction {
  return precompiledValidator(layer, key) ?? compiledDefinitionValidator(layer, key);
}

/** The same, compiled at run time whatever was generated: what the generated code must equal. */
export function compiledDefinitionValidator(layer: Layer, key: string): ValidateFunction {
  return validatorFor(`${layerSchemaId(layer)}#/$defs/${key}`, () => ({
    $ref: `${layerSchemaId(layer)}#/$defs/${key}`,
  }));
}

/** A validator for an ad-hoc schema (a composite type expression), cached by a caller key. */
export function validatorFor(cacheKey: string, build: () => JsonSchema): ValidateFunction {
  const known = compiled.get(cacheKey);
  if (known) return known;
  const validate = registry().compile(build());
  compiled.set(cacheKey, validate);
  return validate;
}
