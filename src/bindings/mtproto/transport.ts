// The four TCP transports of core.telegram.org/mtproto/mtproto-transports, client side: what
// opens a connection, how a payload is framed, and a decoder that turns the bytes the server
// sends back into whole payloads. A frame the decoder cannot read is a FrameError (a transport
// fault); a frame is never larger than MAX_FRAME, so a hostile length cannot grow memory.
import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export const TRANSPORTS = ["abridged", "intermediate", "padded", "full"] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** The largest payload read from the server (the suite's answers are a few kB). */
export const MAX_FRAME = 4 * 1024 * 1024;

export class FrameError extends Error {
  override name = "FrameError";
}

export interface Transport {
  readonly name: TransportName;
  /** Bytes sent once, before the first frame. */
  readonly opening: Buffer;
  frame(payload: Uint8Array): Buffer;
  /** Feeds received bytes; returns the whole payloads they complete. */
  push(chunk: Buffer): Buffer[];
  /** Bytes received that do not make a whole frame yet. */
  buffered(): number;
}

/** Collects chunks; `take(n)` removes the first n bytes once they are there. */
class Inbox {
  private chunks: Buffer[] = [];
  length = 0;

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  peek(n: number): Buffer | undefined {
    if (this.length < n) return undefined;
    const joined = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.subarray(0, n);
  }

  take(n: number): Buffer {
    const head = this.peek(n);
    if (!head) throw new RangeError("take past the inbox");
    const joined = this.chunks[0] as Buffer;
    this.chunks = n === joined.length ? [] : [joined.subarray(n)];
    this.length -= n;
    return Buffer.from(head);
  }
}

function checkedLength(length: number, what: string): number {
  if (length > MAX_FRAME)
    throw new FrameError(`${what}: a frame of ${length} bytes is over the cap of ${MAX_FRAME}`);
  return length;
}

function lengthPrefixed(name: "intermediate" | "padded", marker: number): Transport {
  const inbox = new Inbox();
  return {
    name,
    opening: Buffer.alloc(4, marker),
    frame(payload) {
      const padding = name === "padded" ? randomBytes(Math.floor(Math.random() * 16)) : Buffer.alloc(0);
      const header = Buffer.alloc(4);
      header.writeUInt32LE(payload.length + padding.length);
      return Buffer.concat([header, payload, padding]);
    },
    buffered: () => inbox.length,
    push(chunk) {
      inbox.add(chunk);
      const frames: Buffer[] = [];
      for (;;) {
        const header = inbox.peek(4);
        if (!header) return frames;
        const length = checkedLength(header.readUInt32LE(0), name);
        if (inbox.length < 4 + length) return frames;
        inbox.take(4);
        frames.push(inbox.take(length));
      }
    },
  };
}

function abridged(): Transport {
  const inbox = new Inbox();
  return {
    name: "abridged",
    opening: Buffer.from([0xef]),
    frame(payload) {
      const words = payload.length / 4;
      const header =
        words < 0x7f
          ? Buffer.from([words])
          : Buffer.from([0x7f, words & 0xff, (words >> 8) & 0xff, (words >> 16) & 0xff]);
      return Buffer.concat([header, payload]);
    },
    buffered: () => inbox.length,
    push(chunk) {
      inbox.add(chunk);
      const frames: Buffer[] = [];
      for (;;) {
        const first = inbox.peek(1);
        if (!first) return frames;
        const short = (first[0] ?? 0) & 0x7f;
        let headerSize = 1;
        let words = short;
        if (short === 0x7f) {
          const header = inbox.peek(4);
          if (!header) return frames;
          headerSize = 4;
          words = header.readUIntLE(1, 3);
        }
        const length = checkedLength(words * 4, "abridged");
        if (inbox.length < headerSize + length) return frames;
        inbox.take(headerSize);
        frames.push(inbox.take(length));
      }
    },
  };
}

function full(): Transport {
  const inbox = new Inbox();
  let sent = 0;
  let received = 0;
  return {
    name: "full",
    opening: Buffer.alloc(0),
    frame(payload) {
      const out = Buffer.alloc(payload.length + 12);
      out.writeUInt32LE(payload.length + 12, 0);
      out.writeUInt32LE(sent, 4);
      sent += 1;
      out.set(payload, 8);
      out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
      return out;
    },
    buffered: () => inbox.length,
    push(chunk) {
      inbox.add(chunk);
      const frames: Buffer[] = [];
      for (;;) {
        const header = inbox.peek(4);
        if (!header) return frames;
        const length = checkedLength(header.readUInt32LE(0), "full");
        if (length < 12)
          throw new FrameError(`full: a frame length of ${length}, under the 12 of its own fields`);
        if (inbox.length < length) return frames;
        const frame = inbox.take(length);
        const seqno = frame.readUInt32LE(4);
        const crc = frame.readUInt32LE(length - 4);
        const expected = crc32(frame.subarray(0, length - 4));
        if (crc !== expected)
          throw new FrameError(
            `full: CRC32 ${crc.toString(16)} where the frame's is ${expected.toString(16)}`,
          );
        if (seqno !== received)
          throw new FrameError(`full: the server's frame seqno is ${seqno}, expected ${received}`);
        received += 1;
        frames.push(frame.subarray(8, length - 4));
      }
    },
  };
}

/** A fresh transport state for one connection. */
export function createTransport(name: TransportName): Transport {
  switch (name) {
    case "abridged":
      return abridged();
    case "intermediate":
      return lengthPrefixed("intermediate", 0xee);
    case "padded":
      return lengthPrefixed("padded", 0xdd);
    case "full":
      return full();
  }
}

/**
 * The MTProto payload within a padded-intermediate frame, whose tail of 0–15 random bytes the
 * frame does not measure: an encrypted message fills whole 16-byte blocks after its 24-byte
 * header, a plaintext one says its length at offset 16, a transport error is 4 bytes.
 */
export function unpadded(frame: Buffer): Buffer {
  if (frame.length < 24) return frame.subarray(0, Math.min(frame.length, 4));
  const authKeyIdZero = frame.readBigUInt64LE(0) === 0n;
  if (authKeyIdZero) {
    const length = frame.readUInt32LE(16);
    return frame.length >= 20 + length ? frame.subarray(0, 20 + length) : frame;
  }
  return frame.subarray(0, 24 + Math.floor((frame.length - 24) / 16) * 16);
}
