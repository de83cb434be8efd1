// A cursor over TL bytes. Every read checks the bounds first and throws a TlCodecError with the
// offset of the field it could not read, so no read ever runs past `end` or returns garbage.
import { isUtf8 } from "node:buffer";
import { decodeError } from "./errors.ts";
import { smallLongToDecimal } from "./long.ts";
import type { TlCodecOptions } from "./value_codec.ts";

export const DEFAULT_MAX_DEPTH = 64;

export class TlReader {
  readonly buffer: Buffer;
  offset: number;
  /** Reads stop here; a length-delimited body narrows it while it is read. */
  end: number;
  readonly maxDepth: number;

  constructor(
    bytes: Uint8Array,
    readonly options: TlCodecOptions = {},
  ) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = 0;
    this.end = bytes.byteLength;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): number {
    const at = this.offset;
    if (this.end - at < n) {
      throw decodeError("TL_DECODE_TRUNCATED", `${what} needs ${n} bytes, ${this.end - at} left`, at);
    }
    this.offset = at + n;
    return at;
  }

  /** The next 4 bytes as an unsigned int, without moving; undefined at the end. */
  peekUint32(): number | undefined {
    return this.end - this.offset >= 4 ? this.buffer.readUInt32LE(this.offset) : undefined;
  }

  int32(what = "int"): number {
    return this.buffer.readInt32LE(this.need(4, what));
  }

  uint32(what = "constructor id"): number {
    return this.int32(what) >>> 0;
  }

  long(): string {
    const at = this.need(8, "long");
    const b = this.buffer;
    return smallLongToDecimal(b.readUInt32LE(at), b.readInt32LE(at + 4)) ?? b.readBigInt64LE(at).toString();
  }

  double(): number {
    return this.buffer.readDoubleLE(this.need(8, "double"));
  }

  /** `n` raw bytes as lowercase hex (int128, int256). */
  hex(n: number, what: string): string {
    const at = this.need(n, what);
    return this.buffer.toString("hex", at, at + n);
  }

  /** End of the content of the byte string byteString() last read. */
  private contentEnd = 0;

  /** The start of a TL byte string's content (its end in contentEnd); the cursor moves past its padding. */
  private byteString(what: string): number {
    const at = this.offset;
    const first = this.buffer.readUInt8(this.need(1, what));
    let length = first;
    let header = 1;
    if (first === 254) {
      length = this.buffer.readUIntLE(this.need(3, what), 3);
      header = 4;
      if (length < 254)
        throw decodeError("TL_DECODE_NONCANONICAL", `${what} of ${length} bytes in the long form`, at);
    } else if (first === 255) {
      throw decodeError("TL_DECODE_NONCANONICAL", `${what} with length prefix 255`, at);
    }
    const padded = (header + length + 3) & ~3;
    if (this.end - at < padded) {
      throw decodeError("TL_DECODE_LENGTH_PAST_END", `${what} of ${length} bytes, ${this.end - at} left`, at);
    }
    const start = at + header;
    const stop = start + length;
    for (let i = stop; i < at + padded; i += 1) {
      if (this.buffer[i] !== 0)
        throw decodeError("TL_DECODE_NONCANONICAL", `non-zero padding after ${what}`, i);
    }
    this.offset = at + padded;
    this.contentEnd = stop;
    return start;
  }

  /** TL `bytes` as standard base64 with padding. */
  base64(): string {
    const start = this.byteString("bytes");
    return this.buffer.toString("base64", start, this.contentEnd);
  }

  /** TL `bytes` as a view into the input (no copy). */
  bytes(): Uint8Array {
    const start = this.byteString("bytes");
    return this.buffer.subarray(start, this.contentEnd);
  }

  string(): string {
    const at = this.offset;
    const start = this.byteString("string");
    const stop = this.contentEnd;
    const b = this.buffer;
    if (stop - start <= 32) {
      // Short ASCII text, read byte by byte: cheaper than validating and decoding it natively.
      let text = "";
      let i = start;
      for (; i < stop; i += 1) {
        const c = b[i] ?? 0xff;
        if (c >= 0x80) break;
        text += String.fromCharCode(c);
      }
      if (i === stop) return text;
    }
    if (!isUtf8(b.subarray(start, stop)))
      throw decodeError("TL_DECODE_INVALID_UTF8", "string is not valid UTF-8", at);
    return b.toString("utf8", start, stop);
  }

  /** Throws unless every byte up to `end` was read. */
  expectEnd(): void {
    if (this.offset !== this.end) {
      throw decodeError(
        "TL_DECODE_TRAILING_BYTES",
        `${this.end - this.offset} bytes after the value`,
        this.offset,
      );
    }
  }
}
