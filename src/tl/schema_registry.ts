// The one Ajv instance that owns every layer's schema document. Documents are added once; each
// validator is compiled on first use and kept, so start-up pays only for what a run needs.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { deriveLayerDocument, layerSchemaId } from "./derive_schema.ts";
import { loadLayerTl } from "./layers.ts";
import { isTlLong, LONG_FORMAT } from "./primitive_schemas.ts";
import type { JsonSchema } from "./type_expr.ts";
import { LAYERS, type Layer } from "./types.ts";

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function registry(): Ajv2020 {
  if (!ajv) {
    // verbose keeps the failing sub-schema on each error: an unknown constructor's message
    // names the allowed ones from it. allErrors stays off: the first error is enough and fast.
    // inlineRefs off: every definition compiles once into a function the others call, instead of
    // being inlined again into each method's validator (5x less compile time, see docs/tl.md).
    // validateSchema off at run time: the documents are generated, and src/tl/schema.test.ts
    // checks them against the draft 2020-12 meta-schema once instead of every process paying.
    // code.optimize off: halves compile time (600 → 320 ms for a run's validators) for ~2% of
    // validation speed (bench/tl.ts); a suite run compiles far more than it validates.
    ajv = new Ajv2020({
      strict: true,
      discriminator: true,
      verbose: true,
      allErrors: false,
      inlineRefs: false,
      validateSchema: false,
      code: { optimize: false },
    });
    ajv.addFormat(LONG_FORMAT, { type: "string", validate: isTlLong });
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
