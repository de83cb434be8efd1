// The four transports' framing (core.telegram.org/mtproto/mtproto-transports): the opening
// bytes, frames read back whole however the bytes are split, the abridged long length, the full
// transport's CRC32 and seqno, the padded transport's payload, and the frame-size cap.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { createTransport, FrameError, MAX_FRAME, TRANSPORTS, unpadded } from "./transport.ts";

test("each transport opens as the page says", () => {
  assert.equal(createTransport("abridged").opening.toString("hex"), "ef");
  assert.equal(createTransport("intermediate").opening.toString("hex"), "eeeeeeee");
  assert.equal(createTransport("padded").opening.toString("hex"), "dddddddd");
  assert.equal(createTransport("full").opening.length, 0);
});

for (const name of TRANSPORTS) {
  test(`${name}: frames come back whole, one byte at a time or all at once`, () => {
    const sender = createTransport(name);
    const payloads = [
      randomBytes(24 + 16 * 3),
      randomBytes(24 + 16 * 40),
      Buffer.concat([Buffer.alloc(8), randomBytes(40)]),
    ];
    // The plaintext one says its length at offset 16 (what the padded transport reads).
    payloads[2]?.writeUInt32LE(28, 16);
    const bytes = Buffer.concat(payloads.map((p) => sender.frame(p)));
    for (const split of [1, 7, bytes.length]) {
      const receiver = createTransport(name);
      const got: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += split)
        got.push(...receiver.push(bytes.subarray(at, at + split)));
      const read = name === "padded" ? got.map(unpadded) : got;
      assert.deepEqual(
        read.map((b) => b.toString("hex")),
        payloads.map((p) => p.toString("hex")),
      );
      assert.equal(receiver.buffered(), 0);
    }
  });
}

test("abridged: 127 words and more take the 4-byte length", () => {
  const frame = createTransport("abridged").frame(Buffer.alloc(127 * 4));
  assert.equal(frame.subarray(0, 4).toString("hex"), "7f7f0000");
  assert.equal(createTransport("abridged").frame(Buffer.alloc(126 * 4))[0], 126);
});

test("full: a wrong CRC32 or a skipped seqno is a FrameError; seqnos count from 0", () => {
  const sender = createTransport("full");
  const first = sender.frame(randomBytes(32));
  const second = sender.frame(randomBytes(32));
  assert.equal(first.readUInt32LE(4), 0);
  assert.equal(second.readUInt32LE(4), 1);
  const corrupt = Buffer.from(first);
  corrupt.writeUInt8((corrupt[10] ?? 0) ^ 1, 10);
  assert.throws(() => createTransport("full").push(corrupt), FrameError);
  assert.throws(() => createTransport("full").push(second), /seqno is 1, expected 0/);
  assert.throws(() => createTransport("full").push(Buffer.from("08000000", "hex")), /under the 12/);
});

test("a length past the cap is refused before anything is buffered", () => {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(MAX_FRAME + 1);
  assert.throws(() => createTransport("intermediate").push(header), /over the cap/);
  assert.throws(
    () => createTransport("abridged").push(Buffer.from([0x7f, 0xff, 0xff, 0xff])),
    /over the cap/,
  );
});
