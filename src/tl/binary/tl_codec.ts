// What the reference server and the harness use of the binary codec (docs/tl.md, "The binary codec").
import type { TlSchema } from "../types.ts";
import type { TlReader } from "./reader.ts";
import type { TlCodecOptions, TlObject } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";

export interface TlCodec {
  readonly schemas: readonly TlSchema[];
  /**
   * TL-JSON → bytes for a type expression as written in TL: `User` (boxed), `%user`/`userEmpty`
   * (bare), `Vector<User>`, `vector<long>`, `int`, `Bool`, `Object` (any boxed value), `!X` (a
   * boxed function call). Throws TlCodecError (TL_ENCODE_*).
   */
  encode(type: string, value: unknown, options?: TlCodecOptions): Uint8Array;
  /** Bytes → TL-JSON; the whole input must be one value (TL_DECODE_* otherwise). */
  decode(type: string, bytes: Uint8Array, options?: TlCodecOptions): unknown;
  /** A boxed function call, layer wrappers included (the client side). */
  encodeCall(call: TlObject, options?: TlCodecOptions): Uint8Array;
  /** Reads a boxed function call (the server side); a layer wrapper's query is read in its layer. */
  decodeCall(bytes: Uint8Array, options?: TlCodecOptions): TlObject;
  /** What answers `call`: its result type through its wrappers, or `rpc_error` / `gzip_packed`. */
  encodeResult(call: TlObject, result: unknown, options?: TlCodecOptions): Uint8Array;
  decodeResult(call: TlObject, bytes: Uint8Array, options?: TlCodecOptions): unknown;
  /** The TL result type of `call` through its wrappers, e.g. `messages.SentMessage`. */
  resultTypeOf(call: TlObject): string;
  /** Low level, for framing code: one value of `type` at the reader's cursor, or to the writer. */
  read(type: string, reader: TlReader): unknown;
  write(type: string, writer: TlWriter, value: unknown): void;
  /** The id of a constructor or function, by its full name. */
  idOf(name: string): number | undefined;
  nameOfId(id: number): string | undefined;
}
