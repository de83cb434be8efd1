// Vectors for the front end's own crypto (src/server/front_ends/mtproto/crypto.ts).
// - The docs' sample auth key exchange (core.telegram.org/mtproto/samples-auth_key, bytes in
//   test/tl/samples_auth_key.ts): the temporary AES key from server_nonce and new_nonce, and
//   AES-256-IGE decrypting the page's encrypted_answer to the page's answer.
// - gramjs (the `telegram` package 2.26.22, crypto/IGE.js and network/MTProtoState.js's _calcKey):
//   an independent AES-IGE and MTProto 2.0 key derivation, which must agree with ours byte for byte.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { test } from "node:test";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  FROM_CLIENT,
  FROM_SERVER,
  messageAesKeyIv,
  sha1,
  tmpAesKeyIv,
} from "../../../src/server/front_ends/mtproto/crypto.ts";
import { fingerprintOf } from "../../../src/server/front_ends/mtproto/rsa.ts";
import { layerCodec } from "../../../src/tl/index.ts";
import {
  fromDump,
  SERVER_DH_INNER_DATA_ANSWER,
  SERVER_DH_PARAMS_OK,
  STATED,
} from "../../tl/samples_auth_key.ts";

const require = createRequire(import.meta.url);
const { IGE } = require("telegram/crypto/IGE.js") as {
  IGE: new (
    key: Buffer,
    iv: Buffer,
  ) => { encryptIge(data: Buffer): Buffer; decryptIge(data: Buffer): Buffer };
};
const { MTProtoState } = require("telegram/network/MTProtoState.js") as {
  MTProtoState: new (
    authKey?: unknown,
    loggers?: unknown,
  ) => {
    _calcKey(authKey: Buffer, msgKey: Buffer, client: boolean): Promise<{ key: Buffer; iv: Buffer }>;
  };
};

test("the docs' sample exchange: tmp_aes_key/iv and AES-IGE give the page's server_DH_inner_data", () => {
  const message = fromDump(SERVER_DH_PARAMS_OK);
  const ok = layerCodec(1).decode("Object", message.subarray(20)) as { encrypted_answer: string };
  const encrypted = Buffer.from(ok.encrypted_answer, "base64");
  const { key, iv } = tmpAesKeyIv(
    Buffer.from(STATED.serverNonce, "hex"),
    Buffer.from(STATED.newNonce, "hex"),
  );
  const plain = aesIgeDecrypt(encrypted, key, iv);
  const answer = Buffer.from(SERVER_DH_INNER_DATA_ANSWER, "hex");
  assert.equal(plain.subarray(20, 20 + answer.length).toString("hex"), answer.toString("hex"));
  assert.ok(aesIgeEncrypt(plain, key, iv).equals(encrypted), "encrypting gives the page's ciphertext back");
});

test("AES-256-IGE agrees with gramjs's both ways, on lengths from one block to 4 KiB", () => {
  for (const blocks of [1, 2, 3, 17, 256]) {
    const data = randomBytes(blocks * 16);
    const key = randomBytes(32);
    const iv = randomBytes(32);
    const ours = aesIgeEncrypt(data, key, iv);
    assert.equal(ours.toString("hex"), new IGE(key, iv).encryptIge(data).toString("hex"));
    assert.equal(aesIgeDecrypt(ours, key, iv).toString("hex"), data.toString("hex"));
  }
  assert.throws(() => aesIgeEncrypt(Buffer.alloc(15), Buffer.alloc(32), Buffer.alloc(32)), RangeError);
});

test("MTProto 2.0 aes_key/aes_iv from msg_key agree with gramjs's, x = 0 and x = 8", async () => {
  const state = new MTProtoState();
  for (let i = 0; i < 8; i += 1) {
    const authKey = randomBytes(256);
    const msgKey = randomBytes(16);
    for (const [x, client] of [
      [FROM_CLIENT, true],
      [FROM_SERVER, false],
    ] as const) {
      const ours = messageAesKeyIv(authKey, msgKey, x);
      const theirs = await state._calcKey(authKey, msgKey, client);
      assert.equal(ours.key.toString("hex"), theirs.key.toString("hex"));
      assert.equal(ours.iv.toString("hex"), theirs.iv.toString("hex"));
    }
  }
});

test("the RSA fingerprint is the lower 64 bits of SHA1 of the TL-serialized n and e", () => {
  const n = Buffer.alloc(256, 0xab);
  const e = Buffer.from("010001", "hex");
  // n: 254 + 3 length bytes + 256 bytes (no padding); e: 1 length byte + 3 bytes.
  const serialized = Buffer.concat([Buffer.from("fe000100", "hex"), n, Buffer.from("03010001", "hex")]);
  assert.equal(fingerprintOf(n, e), sha1(serialized).readBigInt64LE(12).toString());
});

test("the fingerprints of Telegram's public keys as gramjs lists them (crypto/RSA.js)", () => {
  const { _serverKeys } = require("telegram/crypto/RSA.js") as {
    _serverKeys: Map<string, { n: { toString(radix: number): string }; e: number }>;
  };
  assert.ok(_serverKeys.size >= 2);
  for (const [fingerprint, { n, e }] of _serverKeys) {
    const hex = n.toString(16);
    const modulus = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
    const exponent = Buffer.from(e.toString(16).padStart(6, "0"), "hex");
    assert.equal(fingerprintOf(modulus, exponent), fingerprint);
  }
});
