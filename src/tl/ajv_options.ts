// The Ajv settings every validator of the layer documents is built with, at run time
// (schema_registry.ts) and at build time (validator_module.ts): both must give the same results
// and the same error objects, so they share this one definition.
import type { FormatDefinition, Options } from "ajv";
import { isTlLong, LONG_FORMAT } from "./primitive_schemas.ts";

// verbose keeps the failing sub-schema on each error: an unknown constructor's message names the
// allowed ones from it. allErrors stays off: the first error is enough and fast.
// inlineRefs off: every definition compiles once into a function the others call, instead of
// being inlined again into each method's validator (5x less compile time, see docs/tl.md).
// validateSchema off: the documents are generated, and src/tl/schema.test.ts checks them against
// the draft 2020-12 meta-schema once instead of every process paying.
export const AJV_OPTIONS = {
  strict: true,
  discriminator: true,
  verbose: true,
  allErrors: false,
  inlineRefs: false,
  validateSchema: false,
} as const satisfies Options;

/** The formats the documents use, by name; the generated code receives this very object. */
export const TL_FORMATS: Readonly<Record<string, FormatDefinition<string>>> = {
  [LONG_FORMAT]: { type: "string", validate: isTlLong },
};
