// Checks a document against one of the shipped schemas with ajv and names the field of each
// problem by its JSON pointer (`/timeouts/requestMs: must be <= 600000`).
import type { ErrorObject } from "ajv";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { EXPECTED_FAILURES_SCHEMA, PROFILE_SCHEMA } from "./profile_schema.ts";
import { ProfileError } from "./types.ts";

const SCHEMAS = { profile: PROFILE_SCHEMA, expectedFailures: EXPECTED_FAILURES_SCHEMA };
// Compiled on first use: most runs read no profile, and compiling costs more than loading.
const compiled = new Map<keyof typeof SCHEMAS, ValidateFunction>();
let ajv: Ajv2020 | undefined;

function validatorOf(kind: keyof typeof SCHEMAS): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    ajv ??= new Ajv2020({ strict: true, allErrors: true });
    validate = ajv.compile(SCHEMAS[kind]);
    compiled.set(kind, validate);
  }
  return validate;
}

const MAX_LISTED = 5;

function describe(error: ErrorObject): string {
  const field = error.instancePath || "/";
  if (error.keyword === "additionalProperties") {
    const name = (error.params as { additionalProperty: string }).additionalProperty;
    return `${field === "/" ? "" : field}/${name}: unknown field`;
  }
  if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return `${field}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${field}: ${error.message ?? error.keyword}`;
}

/** Throws a ProfileError listing the first problems, each with its field; returns the value typed. */
export function validateDocument<T>(kind: keyof typeof SCHEMAS, value: unknown, file: string): T {
  const validate = validatorOf(kind);
  if (validate(value)) return value as T;
  // oneOf reports every branch; the branch errors say more than the oneOf line itself.
  const errors = (validate.errors ?? []).filter(
    (e) => e.keyword !== "oneOf" || validate.errors?.length === 1,
  );
  const lines = [...new Set(errors.map(describe))];
  const shown = lines.slice(0, MAX_LISTED).map((l) => `  ${l}`);
  const more = lines.length > MAX_LISTED ? [`  … and ${lines.length - MAX_LISTED} more`] : [];
  throw new ProfileError([`${file}: does not match its schema:`, ...shown, ...more].join("\n"));
}
