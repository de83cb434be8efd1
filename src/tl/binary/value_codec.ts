// The shapes shared by every part of the codec: TL-JSON values, a compiled codec of one TL type,
// and the per-call options.
import type { TlReader } from "./reader.ts";
import type { TlWriter } from "./writer.ts";

/** A TL-JSON object: `_` is the full TL name of a constructor or function. */
export type TlObject = { _: string; [field: string]: unknown };

export interface TlCodecOptions {
  /** Deepest nesting of objects and vectors read or written (default 64). */
  maxDepth?: number;
  /**
   * The call a `rpc_result` answers, by its `req_msg_id` (a decimal string). With it the result
   * is read and written as the call's result type; without it, as any boxed object (a vector
   * result then fails with TL_DECODE_UNTYPED / TL_ENCODE_UNTYPED).
   */
  requestOf?: (reqMsgId: string) => TlObject | undefined;
}

/** How one TL type is read and written; built once per codec and type. */
export interface ValueCodec {
  /** The type as written in TL, for error messages. */
  readonly label: string;
  /** Fewest bytes a value takes on the wire, so a vector count can be checked against the input. */
  readonly minSize: number;
  read(reader: TlReader, depth: number): unknown;
  write(writer: TlWriter, value: unknown, depth: number): void;
}

/** A short description of a JSON value for error messages; never the whole of a large value. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string")
    return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  if (typeof value === "object") {
    const tag = (value as { _?: unknown })._;
    return typeof tag === "string" ? `an object "${tag.slice(0, 60)}"` : "an object without `_`";
  }
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}
