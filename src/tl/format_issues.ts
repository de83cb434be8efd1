// Turns Ajv's errors into SchemaIssues with sentences a vendor can act on. The raw keyword,
// instancePath and schemaPath are kept so the rule can be found in the generated schema.
import type { ErrorObject } from "ajv";
import { PRIMITIVE_SCHEMAS } from "./primitive_schemas.ts";
import type { SchemaIssue, Validation } from "./types.ts";

function allowedConstructors(parentSchema: unknown): string[] {
  const oneOf = (parentSchema as { oneOf?: { $ref?: string }[] } | undefined)?.oneOf ?? [];
  return oneOf.map((branch) => (branch.$ref ?? "").replace(/^.*\/ctor:|^.*\/method:/, ""));
}

function typeName(parentSchema: unknown): string {
  return (parentSchema as { title?: string } | undefined)?.title ?? "its type";
}

const PRIMITIVE_OF_SCHEMA = new Map<unknown, string>(
  Object.entries(PRIMITIVE_SCHEMAS).map(([name, schema]) => [schema, name]),
);

/**
 * The TL primitive a failed rule belongs to. The layer documents hold the very objects of
 * PRIMITIVE_SCHEMAS and Ajv (verbose) reports the failing sub-schema, so identity tells; the
 * schema path is the fallback for schemas compiled with their refs inlined.
 */
function primitiveOf(error: ErrorObject): string | undefined {
  return (
    PRIMITIVE_OF_SCHEMA.get(error.parentSchema) ??
    /\/\$defs\/(int|long|nat|bytes|double|string|Bool)\//.exec(error.schemaPath)?.[1]
  );
}

const PRIMITIVE_SENTENCES: Record<string, string> = {
  int: "must be a JSON integer within the signed 32-bit range (TL int)",
  nat: "must be a JSON integer within the unsigned 32-bit range",
  long: "must be a decimal string within the signed 64-bit range (TL long)",
  bytes: "must be a base64 string (TL bytes)",
  double: "must be a JSON number (TL double)",
  string: "must be a JSON string (TL string)",
  Bool: "must be true or false (TL Bool)",
};

function sentence(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const primitive = primitiveOf(error);
  if (primitive) return PRIMITIVE_SENTENCES[primitive] ?? error.message ?? error.keyword;
  switch (error.keyword) {
    case "discriminator":
      if (params.error === "mapping") {
        const allowed = allowedConstructors(error.parentSchema);
        return `unknown constructor "${String(params.tagValue)}" for ${typeName(error.parentSchema)}; allowed: ${allowed.join(", ")}`;
      }
      return `"_" must be a string naming a constructor`;
    case "additionalProperties":
      return `unexpected field "${String(params.additionalProperty)}"`;
    case "required":
      return `missing field "${String(params.missingProperty)}"`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}

export function toValidation(errors: readonly ErrorObject[] | null | undefined): Validation {
  const issues: SchemaIssue[] = (errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    keyword: error.keyword,
    message: sentence(error),
  }));
  if (issues.length === 0)
    return { ok: false, issues: [], summary: "invalid (no detail from the validator)" };
  const summary = issues.map((i) => `${i.instancePath || "/"}: ${i.message}`).join("; ");
  return { ok: false, issues, summary };
}

export function invalid(instancePath: string, keyword: string, message: string): Validation {
  return {
    ok: false,
    issues: [{ instancePath, schemaPath: "", keyword, message }],
    summary: `${instancePath || "/"}: ${message}`,
  };
}
