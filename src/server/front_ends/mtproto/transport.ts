// The TCP transports of core.telegram.org/mtproto/mtproto-transports, server side: the transport is
// told from a connection's first bytes (abridged 0xef, intermediate 0xeeeeeeee, padded intermediate
// 0xdddddddd, otherwise full: length, seqno, payload, CRC32). Frames are cut from the byte stream
// with every length checked against the cap before anything is buffered for it, so a peer can make
// the server hold at most one frame's worth of input.
import { randomBytes } from "node:crypto";
import { crc32 } from "./crc32.ts";

export type TransportKind = "abridged" | "intermediate" | "padded" | "full";
export const TRANSPORT_KINDS: readonly TransportKind[] = ["abridged", "intermediate", "padded", "full"];

/** Input that is not a frame of any transport, or a frame over the cap: the connection ends. */
export class TransportFault extends Error {
  override name = "TransportFault";
}

const INTERMEDIATE = 0xeeeeeeee;
const PADDED = 0xdddddddd;
const FULL_OVERHEAD = 12;
/** First words that are another protocol (HTTP methods, a TLS record): never a full-transport length. */
const FOREIGN = /^(GET |POST|HEAD|PUT |OPTI|DELE|PATC|CONN)/;

export class FrameCodec {
  kind: TransportKind | undefined;
  private input: Buffer = Buffer.alloc(0);
  private fullSeqIn = 0;
  private fullSeqOut = 0;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes received and not yet part of a whole frame. */
  get buffered(): number {
    return this.input.length;
  }

  /** Adds received bytes; returns the payloads of the frames they complete. Throws TransportFault. */
  push(chunk: Buffer): Buffer[] {
    this.input = this.input.length === 0 ? chunk : Buffer.concat([this.input, chunk]);
    const frames: Buffer[] = [];
    if (this.kind === undefined && !this.detect()) return frames;
    for (;;) {
      const frame = this.next();
      if (frame === undefined) break;
      frames.push(frame);
    }
    return frames;
  }

  private detect(): boolean {
    const input = this.input;
    if (input.length >= 1 && input[0] === 0xef) {
      this.kind = "abridged";
      this.input = input.subarray(1);
      return true;
    }
    if (input.length < 4) return false;
    const first = input.readUInt32LE(0);
    if (first === INTERMEDIATE || first === PADDED) {
      this.kind = first === INTERMEDIATE ? "intermediate" : "padded";
      this.input = input.subarray(4);
      return true;
    }
    const head = input.toString("latin1", 0, 4);
    if (FOREIGN.test(head) || (input[0] === 0x16 && input[1] === 0x03))
      throw new TransportFault("not an MTProto transport");
    this.kind = "full";
    return true;
  }

  private checkLength(length: number): void {
    if (length < 4 || length > this.maxFrameBytes) {
      throw new TransportFault(`a frame of ${length} bytes (allowed 4 to ${this.maxFrameBytes})`);
    }
  }

  private take(header: number, length: number, trailer = 0): Buffer | undefined {
    if (this.input.length < header + length + trailer) return undefined;
    const frame = this.input.subarray(header, header + length);
    this.input = this.input.subarray(header + length + trailer);
    return frame;
  }

  private next(): Buffer | undefined {
    const input = this.input;
    switch (this.kind) {
      case "abridged": {
        if (input.length < 1) return undefined;
        const short = (input[0] ?? 0) & 0x7f; // the top bit asks for a quick ack, which is not given
        if (short < 0x7f) {
          this.checkLength(short * 4);
          return this.take(1, short * 4);
        }
        if (input.length < 4) return undefined;
        const length = input.readUIntLE(1, 3) * 4;
        this.checkLength(length);
        return this.take(4, length);
      }
      case "intermediate":
      case "padded": {
        if (input.length < 4) return undefined;
        const length = input.readUInt32LE(0) & 0x7fffffff;
        this.checkLength(length);
        return this.take(4, length);
      }
      case "full": {
        if (input.length < 4) return undefined;
        const total = input.readUInt32LE(0);
        if (total % 4 !== 0) throw new TransportFault(`a full-transport length of ${total}`);
        this.checkLength(total - FULL_OVERHEAD);
        if (input.length < total) return undefined;
        const seq = input.readUInt32LE(4);
        const crc = input.readUInt32LE(total - 4);
        if (crc !== crc32(input, 0, total - 4)) throw new TransportFault("a frame with a wrong CRC32");
        if (seq !== this.fullSeqIn)
          throw new TransportFault(`frame seqno ${seq}, expected ${this.fullSeqIn}`);
        this.fullSeqIn += 1;
        return this.take(8, total - FULL_OVERHEAD, 4);
      }
      default:
        return undefined;
    }
  }

  /** One frame of the connection's transport around `payload`. */
  encode(payload: Uint8Array): Buffer {
    const length = payload.length;
    switch (this.kind) {
      case "abridged": {
        const words = length / 4;
        if (words < 0x7f) return Buffer.concat([Buffer.of(words), payload]);
        const head = Buffer.alloc(4);
        head[0] = 0x7f;
        head.writeUIntLE(words, 1, 3);
        return Buffer.concat([head, payload]);
      }
      case "padded": {
        const padding = randomBytes(Math.floor(Math.random() * 16));
        const head = Buffer.alloc(4);
        head.writeUInt32LE(length + padding.length);
        return Buffer.concat([head, payload, padding]);
      }
      case "full": {
        const frame = Buffer.alloc(length + FULL_OVERHEAD);
        frame.writeUInt32LE(length + FULL_OVERHEAD, 0);
        frame.writeUInt32LE(this.fullSeqOut, 4);
        this.fullSeqOut += 1;
        frame.set(payload, 8);
        frame.writeUInt32LE(crc32(frame, 0, length + 8), length + 8);
        return frame;
      }
      default: {
        const head = Buffer.alloc(4);
        head.writeUInt32LE(length);
        return Buffer.concat([head, payload]);
      }
    }
  }
}

/** A transport error: a bare negative int32 as the whole payload (-404 no such key, -429 flood). */
export function transportError(code: -404 | -429 | -444): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeInt32LE(code);
  return payload;
}

/**
 * The MTProto packet inside a padded-intermediate payload: the transport adds 0–15 random bytes, so
 * the packet's own length is read from it (an unencrypted message says its length; an encrypted
 * one is 24 bytes of header and whole AES blocks).
 */
export function stripPadding(payload: Buffer): Buffer {
  if (payload.length < 8) return payload;
  const keyIsZero = payload.readBigUInt64LE(0) === 0n;
  if (keyIsZero) {
    if (payload.length < 20) return payload;
    const length = 20 + payload.readUInt32LE(16);
    return length <= payload.length ? payload.subarray(0, length) : payload;
  }
  if (payload.length < 24) return payload;
  return payload.subarray(0, 24 + Math.floor((payload.length - 24) / 16) * 16);
}
