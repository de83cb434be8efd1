// Every way a value or a byte string can fail the codec, as one error class with a stable code.
// Decoding errors carry the byte offset where the input went wrong; encoding errors the JSON pointer
// of the value that could not be written.

export type TlDecodeErrorCode =
  /** The input ends inside a fixed-size field (an int, a long, a constructor id, an int128). */
  | "TL_DECODE_TRUNCATED"
  /** A constructor or function id that no schema of the codec defines. */
  | "TL_DECODE_UNKNOWN_ID"
  /** A known id that is not a constructor of the type expected at that point (or not a function). */
  | "TL_DECODE_WRONG_TYPE"
  /** A vector count that is negative or larger than the remaining bytes can hold. */
  | "TL_DECODE_VECTOR_TOO_LONG"
  /** A bytes/string length prefix, or a message's `bytes`, that points past the end of the input. */
  | "TL_DECODE_LENGTH_PAST_END"
  /** A length that is not TL's canonical form: prefix 255, the 4-byte form for under 254 bytes,
   * non-zero padding, or a body that does not fill the length its message declares. */
  | "TL_DECODE_NONCANONICAL"
  | "TL_DECODE_TRAILING_BYTES"
  | "TL_DECODE_INVALID_UTF8"
  | "TL_DECODE_TOO_DEEP"
  /** A boxed vector where only `Object` is known: its element type cannot be read from the bytes. */
  | "TL_DECODE_UNTYPED"
  /** A layer wrapper naming a layer the codec has no schema for. */
  | "TL_DECODE_UNKNOWN_LAYER";

export type TlEncodeErrorCode =
  /** A value of the wrong JSON kind or out of range for its TL type (an int of 2^31, a long as a number). */
  | "TL_ENCODE_BAD_VALUE"
  /** `_` names no constructor or function of the codec's schemas. */
  | "TL_ENCODE_UNKNOWN_NAME"
  /** `_` names a constructor of another type than the one expected there. */
  | "TL_ENCODE_WRONG_TYPE"
  | "TL_ENCODE_MISSING_FIELD"
  | "TL_ENCODE_EXTRA_FIELD"
  /** Nesting deeper than the bound (a cyclic value ends here too). */
  | "TL_ENCODE_TOO_DEEP"
  /** An array where only `Object` is known: its element type cannot be told from JSON. */
  | "TL_ENCODE_UNTYPED"
  /** A string or bytes of 2^24 bytes or more: TL's length prefix cannot say it. */
  | "TL_ENCODE_TOO_LONG"
  /** A message whose `bytes` field is not the length of its encoded body. */
  | "TL_ENCODE_LENGTH_MISMATCH"
  | "TL_ENCODE_UNKNOWN_LAYER";

/** A type expression the codec cannot resolve: a mistake of the caller, not of the data. */
export type TlCodecUsageCode = "TL_UNKNOWN_TYPE";

export type TlCodecErrorCode = TlDecodeErrorCode | TlEncodeErrorCode | TlCodecUsageCode;

export class TlCodecError extends Error {
  override name = "TlCodecError";
  /** Segments of the JSON pointer to the failing value, outermost first (encoding only). */
  readonly pathSegments: string[] = [];

  constructor(
    readonly code: TlCodecErrorCode,
    readonly detail: string,
    /** Byte offset into the decoded input where the fault starts; -1 when encoding. */
    readonly offset = -1,
  ) {
    super(offset >= 0 ? `${code}: ${detail} at byte ${offset}` : `${code}: ${detail}`);
  }

  /** JSON pointer of the value that failed to encode, e.g. `/users/0/access_hash`; "" for the root. */
  get path(): string {
    return this.pathSegments.map((s) => `/${s}`).join("");
  }
}

export function decodeError(code: TlDecodeErrorCode, detail: string, offset: number): TlCodecError {
  return new TlCodecError(code, detail, offset);
}

export function encodeError(code: TlEncodeErrorCode, detail: string): TlCodecError {
  return new TlCodecError(code, detail);
}

/** Prefixes a child's pointer segment as an encoding error unwinds through its parents. */
export function atSegment(error: unknown, segment: string | number): unknown {
  if (error instanceof TlCodecError && error.offset < 0) {
    error.pathSegments.unshift(String(segment));
    error.message = `${error.code}: ${error.detail} at ${error.path}`;
  }
  return error;
}
