// The validators generated at build time (src/tl/generated/validators.cjs, written by
// validator_module.ts), loaded once, on the first validation of any layer: ≈ 25 ms for all three
// layers where compiling a run's validators took ≈ 300 ms (docs/tl.md). When the file is missing,
// or was generated from other .tl files than the checkout's, nothing precompiled is used and
// schema_registry.ts compiles at run time as before: slower, never wrong.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import type { ValidateFunction } from "ajv";
import { TL_FORMATS } from "./ajv_options.ts";
import { layerSourceDigest } from "./layer_source_digest.ts";
import { SHARED_DEFINITIONS } from "./primitive_schemas.ts";
import type { Layer } from "./types.ts";

export function validatorModulePath(): string {
  return fileURLToPath(new URL("./generated/validators.cjs", import.meta.url));
}

/** The name a definition is exported under: `3|result:messages.sendMessage`. */
export function exportName(layer: Layer, key: string): string {
  return `${layer}|${key}`;
}

type Validators = Readonly<Record<string, ValidateFunction | undefined>>;

interface ValidatorModule {
  sourceDigest?: unknown;
  createValidators?: (formats: typeof TL_FORMATS, shared: typeof SHARED_DEFINITIONS) => Validators;
}

/** A generated module's validators, or why it cannot be used. */
export type ReadModule = { validators: Validators } | { unusable: string };

/** Reads a generated module's text; it is unusable when generated from other .tl files. */
export function readValidatorModule(text: string, filename: string): ReadModule {
  // The file is a CommonJS module; it is compiled here as Node's loader would, but without the
  // loader hooks of tsx, which run every .cjs file through their transform (+12 ms for this one).
  const module: ValidatorModule = {};
  compileFunction(text, ["exports"], { filename })(module);
  if (module.sourceDigest !== layerSourceDigest()) return { unusable: `${filename} is stale` };
  if (typeof module.createValidators !== "function") return { unusable: `${filename} exports no validators` };
  return { validators: module.createValidators(TL_FORMATS, SHARED_DEFINITIONS) };
}

function load(): Validators | undefined {
  const path = validatorModulePath();
  let read: ReadModule;
  try {
    read = readValidatorModule(readFileSync(path, "utf8"), path);
  } catch (error) {
    read = { unusable: `${path} cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  if ("validators" in read) return read.validators;
  process.emitWarning(
    `${read.unusable}; validators are compiled at run time instead (run \`npm run generate\`)`,
    {
      code: "TLC_PRECOMPILED_VALIDATORS",
    },
  );
  return undefined;
}

let validators: Validators | undefined;
let tried = false;

/** The generated validator of one definition of a layer document, if there is a usable one. */
export function precompiledValidator(layer: Layer, key: string): ValidateFunction | undefined {
  if (!tried) {
    tried = true;
    validators = load();
  }
  return validators?.[exportName(layer, key)];
}
