// The TL builtins and their TL-JSON forms (docs/tl.md, "The binary codec"): int and `#` as
// numbers, long as a decimal string, double as a number, string as text, bytes as base64,
// int128/int256 as lowercase hex of their wire bytes.
import { encodeError } from "./errors.ts";
import { describe, type ValueCodec } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_128 = /^[0-9a-f]{32}$/;
const HEX_256 = /^[0-9a-f]{64}$/;

// ES2024's String.prototype.isWellFormed, which Node 20 has but the ES2023 lib does not declare.
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function bad(expected: string, value: unknown): never {
  throw encodeError("TL_ENCODE_BAD_VALUE", `expected ${expected}, got ${describe(value)}`);
}

/** A builtin whose JSON value is checked by `accepts` before `put` writes it. */
function builtin<T>(
  label: string,
  minSize: number,
  expected: string,
  accepts: (v: unknown) => v is T,
  read: ValueCodec["read"],
  put: (w: TlWriter, v: T) => void,
): ValueCodec {
  return {
    label,
    minSize,
    read,
    write(w, v) {
      if (!accepts(v)) bad(expected, v);
      put(w, v);
    },
  };
}

const isNumber = (v: unknown): v is number => typeof v === "number";
const isString = (v: unknown): v is string => typeof v === "string";

export const INT = builtin(
  "int",
  4,
  "an int (a 32-bit integer)",
  (v): v is number => isNumber(v) && (v | 0) === v,
  (r) => r.int32(),
  (w, v) => w.int32(v),
);

export const NAT = builtin(
  "#",
  4,
  "a # (an unsigned 32-bit integer)",
  (v): v is number => isNumber(v) && v >>> 0 === v,
  (r) => r.uint32("#"),
  (w, v) => w.uint32(v),
);

export const LONG = builtin(
  "long",
  8,
  "a long (a decimal string)",
  isString,
  (r) => r.long(),
  (w, v) => w.long(v),
);

export const DOUBLE = builtin(
  "double",
  8,
  "a double (a number)",
  isNumber,
  (r) => r.double(),
  (w, v) => w.double(v),
);

export const STRING = builtin(
  "string",
  4,
  "a string (well-formed Unicode)",
  (v): v is string => isString(v) && isWellFormed(v),
  (r) => r.string(),
  (w, v) => w.string(v),
);

export const BYTES = builtin(
  "bytes",
  4,
  "bytes (a base64 string)",
  (v): v is string => isString(v) && BASE64.test(v),
  (r) => r.base64(),
  (w, v) => w.bytes(Buffer.from(v, "base64")),
);

function fixedHex(label: string, size: number, pattern: RegExp): ValueCodec {
  return builtin(
    label,
    size,
    `an ${label} (${size * 2} lowercase hex digits)`,
    (v): v is string => isString(v) && pattern.test(v),
    (r) => r.hex(size, label),
    (w, v) => w.raw(Buffer.from(v, "hex")),
  );
}

export const INT128 = fixedHex("int128", 16, HEX_128);
export const INT256 = fixedHex("int256", 32, HEX_256);

export const PRIMITIVE_CODECS: Record<string, ValueCodec> = {
  int: INT,
  "#": NAT,
  long: LONG,
  double: DOUBLE,
  string: STRING,
  bytes: BYTES,
  int128: INT128,
  int256: INT256,
};
