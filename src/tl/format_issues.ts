// Turns Ajv's errors into SchemaIssues with sentences a vendor can act on. The raw keyword,
// instancePath and schemaPath are kept so the rule can be found in the generated schema.
import type { ErrorObject } from "ajv";
import type { SchemaIssue, Validation } from "./types.ts";

function allowedConstructors(parentSchema: unknown): string[] {
  const oneOf = (parentSchema as { oneOf?: { $ref?: string }[] } | undefined)?.oneOf ?? [];
  return oneOf.map((branch) => (branch.$ref ?? "").replace(/^.*\/ctor:|^.*\/method:/, ""));
}

function typeName(parentSchema: unknown): string {
  return (parentSchema as { title?: string } | undefined)?.title ?? "its type";
}

/** The TL primitive a failed rule belongs to, from its schema path (`#/$defs/long/type`). */
function primitiveOf(schemaPath: string): string | undefined {
  return /\/\$defs\/(int|long|nat|bytes|double|string|Bool)\//.exec(schemaPath)?.[1];
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
  const primitive = primitiveOf(error.schemaPath);
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
