// A growing output buffer for TL. The writer trusts its arguments' ranges (the value codecs check
// TL-JSON values before they write); only a long's decimal form is checked here, where it is parsed.
import { encodeError } from "./errors.ts";
import { bigLong, smallLongWords } from "./long.ts";
import { DEFAULT_MAX_DEPTH } from "./reader.ts";
import type { TlCodecOptions } from "./value_codec.ts";

const MAX_TL_LENGTH = 0xffffff;
const words = { lo: 0, hi: 0 };

export class TlWriter {
  private buffer: Buffer;
  offset = 0;
  options: TlCodecOptions = {};
  maxDepth = DEFAULT_MAX_DEPTH;

  constructor(options: TlCodecOptions = {}, initialSize = 512) {
    this.buffer = Buffer.allocUnsafeSlow(initialSize);
    this.reset(options);
  }

  /** Empties the writer for another value, keeping its buffer. */
  reset(options: TlCodecOptions = {}): void {
    this.offset = 0;
    this.options = options;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  /** Bytes the buffer holds before it must grow. */
  get capacity(): number {
    return this.buffer.length;
  }

  private ensure(n: number): void {
    if (this.offset + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.offset + n) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  int32(value: number): void {
    this.ensure(4);
    this.offset = this.buffer.writeInt32LE(value, this.offset);
  }

  uint32(value: number): void {
    this.ensure(4);
    this.offset = this.buffer.writeUInt32LE(value, this.offset);
  }

  long(decimal: string): void {
    const small = smallLongWords(decimal, words);
    if (small === "words") {
      this.ensure(8);
      this.buffer.writeUInt32LE(words.lo, this.offset);
      this.offset = this.buffer.writeInt32LE(words.hi, this.offset + 4);
      return;
    }
    const big = small === "big" ? bigLong(decimal) : undefined;
    if (big === undefined) {
      throw encodeError(
        "TL_ENCODE_BAD_VALUE",
        `expected a long (a decimal string within 64 bits), got ${JSON.stringify(decimal)}`,
      );
    }
    this.ensure(8);
    this.offset = this.buffer.writeBigInt64LE(big, this.offset);
  }

  double(value: number): void {
    this.ensure(8);
    this.offset = this.buffer.writeDoubleLE(value, this.offset);
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.offset);
    this.offset += bytes.length;
  }

  /** Writes the length prefix of a TL byte string and reserves its content and padding. */
  private byteStringHeader(length: number): { start: number; padding: number } {
    if (length > MAX_TL_LENGTH) {
      throw encodeError("TL_ENCODE_TOO_LONG", `${length} bytes; a TL string holds at most ${MAX_TL_LENGTH}`);
    }
    const header = length < 254 ? 1 : 4;
    const padding = (4 - ((header + length) & 3)) & 3;
    this.ensure(header + length + padding);
    const b = this.buffer;
    const o = this.offset;
    if (header === 1) b[o] = length;
    else {
      b[o] = 254;
      b[o + 1] = length & 0xff;
      b[o + 2] = (length >> 8) & 0xff;
      b[o + 3] = length >> 16;
    }
    return { start: o + header, padding };
  }

  private closeByteString(stop: number, padding: number): void {
    for (let i = 0; i < padding; i += 1) this.buffer[stop + i] = 0;
    this.offset = stop + padding;
  }

  bytes(content: Uint8Array): void {
    const { start, padding } = this.byteStringHeader(content.length);
    this.buffer.set(content, start);
    this.closeByteString(start + content.length, padding);
  }

  string(text: string): void {
    if (text.length < 128 && this.asciiString(text)) return;
    const length = Buffer.byteLength(text, "utf8");
    const { start, padding } = this.byteStringHeader(length);
    this.buffer.write(text, start, length, "utf8");
    this.closeByteString(start + length, padding);
  }

  /** Short ASCII text, written byte by byte: cheaper than measuring and copying it natively. */
  private asciiString(text: string): boolean {
    const length = text.length;
    this.ensure(length + 4);
    const b = this.buffer;
    const start = this.offset + 1;
    for (let i = 0; i < length; i += 1) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return false;
      b[start + i] = c;
    }
    b[this.offset] = length;
    this.closeByteString(start + length, (4 - ((1 + length) & 3)) & 3);
    return true;
  }

  /** A copy of everything written, so the writer's buffer can be reused. */
  finish(): Uint8Array {
    return Buffer.from(this.buffer.subarray(0, this.offset));
  }
}
