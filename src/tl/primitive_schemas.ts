// JSON Schemas of the TL primitives under the binding (docs/binding.md, "TL-JSON values").
import type { JsonSchema } from "./type_expr.ts";

/** Name of the Ajv format that checks a TL long: a decimal string within signed 64 bits. */
export const LONG_FORMAT = "tl-long";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_PATTERN = "^-?(?:0|[1-9][0-9]{0,18})$";
const DECIMAL = new RegExp(DECIMAL_PATTERN);

export function isTlLong(value: string): boolean {
  if (!DECIMAL.test(value) || value === "-0") return false;
  // Up to 18 digits always fits in 64 bits: only 19-digit values need the exact (BigInt) bounds,
  // which spares an allocation for nearly every long a validation meets.
  const digits = value.charCodeAt(0) === 45 /* - */ ? value.length - 1 : value.length;
  if (digits <= 18) return true;
  const n = BigInt(value);
  return n >= INT64_MIN && n <= INT64_MAX;
}

export const PRIMITIVE_SCHEMAS: Record<string, JsonSchema> = {
  int: { type: "integer", minimum: -2147483648, maximum: 2147483647 },
  nat: { type: "integer", minimum: 0, maximum: 4294967295 },
  // The pattern tells any validator the shape; the format (registered by the harness) adds the
  // 64-bit range, which no pattern can say simply.
  long: { type: "string", pattern: DECIMAL_PATTERN, format: LONG_FORMAT },
  double: { type: "number" },
  string: { type: "string" },
  bytes: { type: "string", pattern: "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$" },
  Bool: { type: "boolean" },
};

/** The result every method may give instead of its type (docs/binding.md, "Transport"). */
export const RPC_ERROR_SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    _: { const: "rpc_error" },
    error_code: PRIMITIVE_SCHEMAS.int,
    error_message: { type: "string" },
  },
  required: ["_", "error_code", "error_message"],
  additionalProperties: false,
};

/**
 * The definitions every layer document holds as these very objects. format_issues.ts tells a
 * primitive's error by the identity of the failing sub-schema, so generated validators receive
 * these objects too instead of copies.
 */
export const SHARED_DEFINITIONS: Readonly<Record<string, JsonSchema>> = {
  ...PRIMITIVE_SCHEMAS,
  rpc_error: RPC_ERROR_SCHEMA,
};
