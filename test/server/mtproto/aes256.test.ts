// The JavaScript AES-256 inverse cipher against OpenSSL's AES-256-ECB, and the IGE decryption
// built on it against the native encryption it inverts.
import assert from "node:assert/strict";
import { createCipheriv, randomBytes } from "node:crypto";
import { test } from "node:test";
import { decryptBlock, decryptionSchedule } from "../../../src/server/front_ends/mtproto/aes256.ts";
import { aesIgeDecrypt, aesIgeEncrypt } from "../../../src/server/front_ends/mtproto/crypto.ts";

const words = (b: Buffer) =>
  [0, 4, 8, 12].map((at) => b.readUInt32BE(at)) as [number, number, number, number];

test("decryptBlock inverts OpenSSL's AES-256 on random keys and blocks, and FIPS-197's C.3 example", () => {
  // FIPS-197 appendix C.3: key 00..1f, plaintext 00112233..ff.
  const fipsKey = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
  const fipsCipher = Buffer.from("8ea2b7ca516745bfeafc49904b496089", "hex");
  const cases: [Buffer, Buffer, Buffer][] = [
    [fipsKey, fipsCipher, Buffer.from("00112233445566778899aabbccddeeff", "hex")],
  ];
  for (let i = 0; i < 500; i += 1) {
    const key = randomBytes(32);
    const plain = randomBytes(16);
    const cipher = createCipheriv("aes-256-ecb", key, null).setAutoPadding(false).update(plain);
    cases.push([key, cipher, plain]);
  }
  const out = new Uint32Array(4);
  for (const [key, cipher, plain] of cases) {
    decryptBlock(decryptionSchedule(key), ...words(cipher), out);
    assert.deepEqual([...out], words(plain), `key ${key.toString("hex")}`);
  }
});

test("aesIgeDecrypt inverts aesIgeEncrypt from one block to 4 KiB", () => {
  for (const blocks of [1, 2, 3, 7, 64, 256]) {
    const key = randomBytes(32);
    const iv = randomBytes(32);
    const plain = randomBytes(16 * blocks);
    assert.deepEqual(aesIgeDecrypt(aesIgeEncrypt(plain, key, iv), key, iv), plain, `${blocks} blocks`);
  }
});

test("decryptionSchedule takes 32-byte keys only", () => {
  assert.throws(() => decryptionSchedule(Buffer.alloc(16)), RangeError);
});
