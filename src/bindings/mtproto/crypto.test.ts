// The client's crypto against public vectors and an independent implementation: the docs'
// sample exchange (core.telegram.org/mtproto/samples-auth_key: tmp_aes_key/iv and IGE give the
// page's server_DH_inner_data, and encrypting it gives the page's bytes back), gramjs (the
// `telegram` package: crypto/IGE.js, MTProtoState._calcKey, the fingerprints in crypto/RSA.js),
// and the DH, pq and msg_id rules the security guidelines state.
import assert from "node:assert/strict";
import { constants, createPublicKey, generateKeyPairSync, privateDecrypt, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { test } from "node:test";
import {
  fromDump,
  SERVER_DH_INNER_DATA_ANSWER,
  SERVER_DH_PARAMS_OK,
  STATED,
} from "../../../test/tl/samples_auth_key.ts";
import { layerCodec, TlReader } from "../../tl/index.ts";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  messageKeys,
  newNonceHash,
  rsaPadEncrypt,
  rsaPublicKey,
  sha1,
  sha256,
  tempAesKeys,
} from "./crypto.ts";
import { clientDh, generatorProblem, KNOWN_DH_PRIME_HEX, publicValueProblem, serverDhProblem } from "./dh.ts";
import { factorPq, isPrime } from "./factor.ts";
import { MsgIds } from "./msg_id.ts";

const require = createRequire(import.meta.url);
const { IGE } = require("telegram/crypto/IGE.js") as {
  IGE: new (key: Buffer, iv: Buffer) => { encryptIge(data: Buffer): Buffer };
};
const { MTProtoState } = require("telegram/network/MTProtoState.js") as {
  MTProtoState: new () => {
    _calcKey(authKey: Buffer, msgKey: Buffer, client: boolean): Promise<{ key: Buffer; iv: Buffer }>;
  };
};
const hex = (s: string) => Buffer.from(s, "hex");
const P = BigInt(`0x${KNOWN_DH_PRIME_HEX}`);

test("AES-256-IGE: gramjs's IGE both ways, and whole blocks only", () => {
  const key = randomBytes(32);
  for (const blocks of [1, 3, 64]) {
    const data = randomBytes(16 * blocks);
    const k = randomBytes(32);
    const iv = randomBytes(32);
    const ours = aesIgeEncrypt(data, k, iv);
    assert.equal(ours.toString("hex"), new IGE(k, iv).encryptIge(data).toString("hex"));
    assert.ok(aesIgeDecrypt(ours, k, iv).equals(data));
  }
  assert.throws(() => aesIgeDecrypt(Buffer.alloc(17), key, key), RangeError);
});

test("the docs' sample exchange: the temporary key and IGE decrypt encrypted_answer to the page's answer", () => {
  const ok = layerCodec(1).decode("Object", fromDump(SERVER_DH_PARAMS_OK).subarray(20)) as {
    encrypted_answer: string;
  };
  const temp = tempAesKeys(hex(STATED.newNonce), hex(STATED.serverNonce));
  const plain = aesIgeDecrypt(Buffer.from(ok.encrypted_answer, "base64"), temp.key, temp.iv);
  const answer = hex(SERVER_DH_INNER_DATA_ANSWER);
  assert.equal(plain.subarray(20, 20 + answer.length).toString("hex"), answer.toString("hex"));
  // The page's answer dump runs on into the padding: the SHA1 covers the TL value alone.
  const reader = new TlReader(plain.subarray(20));
  layerCodec(1).read("Server_DH_inner_data", reader);
  assert.ok(
    sha1(plain.subarray(20, 20 + reader.offset)).equals(plain.subarray(0, 20)),
    "the answer's SHA1 precedes it",
  );
  assert.ok(aesIgeEncrypt(plain, temp.key, temp.iv).equals(Buffer.from(ok.encrypted_answer, "base64")));
});

test("MTProto 2.0 aes_key/aes_iv agree with gramjs's for both directions", async () => {
  const state = new MTProtoState();
  for (let i = 0; i < 6; i += 1) {
    const authKey = randomBytes(256);
    const msgKey = randomBytes(16);
    for (const from of ["client", "server"] as const) {
      const ours = messageKeys(authKey, msgKey, from);
      const theirs = await state._calcKey(authKey, msgKey, from === "client");
      assert.equal(ours.key.toString("hex"), theirs.key.toString("hex"));
      assert.equal(ours.iv.toString("hex"), theirs.iv.toString("hex"));
    }
  }
});

test("fingerprints of Telegram's public keys match gramjs's list", () => {
  const { _serverKeys } = require("telegram/crypto/RSA.js") as {
    _serverKeys: Map<string, { n: { toString(radix: number): string }; e: number }>;
  };
  assert.ok(_serverKeys.size >= 2);
  for (const [fingerprint, { n, e }] of _serverKeys) {
    const nHex = n.toString(16);
    const jwk = {
      kty: "RSA",
      n: Buffer.from(nHex.length % 2 ? `0${nHex}` : nHex, "hex").toString("base64url"),
      e: Buffer.from(e.toString(16).padStart(6, "0"), "hex").toString("base64url"),
    };
    const pem = createPublicKey({ key: jwk, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    assert.equal(rsaPublicKey(pem).fingerprint, fingerprint);
  }
});

test("RSA_PAD: the private key's owner gets the data back by the page's steps, with its hash", () => {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = rsaPublicKey(publicKey.export({ type: "spki", format: "pem" }).toString());
  const data = randomBytes(120);
  const encrypted = rsaPadEncrypt(data, key);
  assert.equal(encrypted.length, 256);
  const keyAes = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, encrypted);
  const aesEncrypted = keyAes.subarray(32);
  const hash = sha256(aesEncrypted);
  const tempKey = Buffer.from(keyAes.subarray(0, 32).map((b, i) => b ^ (hash[i] ?? 0)));
  const withHash = aesIgeDecrypt(aesEncrypted, tempKey, Buffer.alloc(32));
  const withPadding = Buffer.from(withHash.subarray(0, 192)).reverse();
  assert.ok(withPadding.subarray(0, 120).equals(data));
  assert.ok(sha256(tempKey, withPadding).equals(withHash.subarray(192)));
  assert.throws(() => rsaPadEncrypt(randomBytes(145), key), RangeError);
});

test("DH checks: only the known prime; g in 2..7 with its residue; g_a and g_b away from 0 and p", () => {
  assert.equal(generatorProblem(3, P), undefined);
  assert.equal(generatorProblem(4, P), undefined);
  assert.equal(generatorProblem(7, P), undefined);
  for (const g of [2, 5, 6]) assert.match(generatorProblem(g, P) ?? "", /residue condition/, `g = ${g}`);
  for (const g of [0, 1, 8, 2.5]) assert.match(generatorProblem(g, P) ?? "", /not in 2\.\.7/);
  assert.match(publicValueProblem("g_a", 1n, P) ?? "", /1 < g_a/);
  assert.match(publicValueProblem("g_a", P - 1n, P) ?? "", /1 < g_a/);
  assert.match(publicValueProblem("g_a", 1n << 1980n, P) ?? "", /2\^\(2048−64\)/);
  assert.match(publicValueProblem("g_a", P - (1n << 1980n), P) ?? "", /2\^\(2048−64\)/);
  assert.equal(publicValueProblem("g_a", P / 2n, P), undefined);
  const prime = hex(KNOWN_DH_PRIME_HEX);
  const other = Buffer.from(prime);
  other[255] = 0x59;
  assert.match(serverDhProblem(other, 3, Buffer.alloc(256, 7)) ?? "", /not the known safe 2048-bit prime/);
  assert.match(serverDhProblem(prime.subarray(1), 3, Buffer.alloc(256, 7)) ?? "", /255 bytes/);
  const ga = clientDh(prime, 3, Buffer.from((P / 3n).toString(16), "hex"));
  assert.equal(ga.gB.length, 256);
  assert.equal(ga.authKey.length, 256);
});

test("the shared key: both sides of the native exchange agree, and new_nonce_hash follows the page", () => {
  const prime = hex(KNOWN_DH_PRIME_HEX);
  const server = clientDh(prime, 3, Buffer.from((P / 5n).toString(16), "hex"));
  const client = clientDh(prime, 3, server.gB);
  assert.equal(client.authKey.length, 256);
  const nonce = randomBytes(32);
  const expected = sha1(nonce, Buffer.from([1]), sha1(client.authKey).subarray(0, 8)).subarray(4, 20);
  assert.equal(newNonceHash(nonce, 1, client.authKey), expected.toString("hex"));
});

test("pq: the docs' sample factors; primes, squares and numbers past 64 bits are refused quickly", () => {
  assert.deepEqual(factorPq(STATED.pq), { p: STATED.p, q: STATED.q });
  // pq as servers make them: two primes of ~31-32 bits (a fixed list, so the test is the same each run).
  const primes = [
    1229739323n,
    1402015859n,
    1831623631n,
    2264336257n,
    1270270453n,
    3508789309n,
    2000011891n,
    4225969031n,
  ];
  for (let i = 0; i < primes.length; i += 2) {
    const [p, q] = [primes[i] ?? 0n, primes[i + 1] ?? 0n];
    assert.deepEqual(factorPq(p * q), { p, q });
  }
  assert.ok(isPrime(2305843009213693951n));
  assert.ok(!isPrime(2305843009213693953n));
  const started = performance.now();
  assert.match(String(factorPq(2305843009213693951n)), /is a prime/);
  assert.match(String(factorPq(4294967291n * 4294967291n)), /two different primes/);
  assert.match(String(factorPq(1n << 70n)), /3 to 64 bits/);
  assert.match(String(factorPq(3n * 5n * 7n * 11n)), /two different primes/);
  assert.ok(performance.now() - started < 2000);
});

test("server msg_ids: ≡ 1 or 3 mod 4, within −300..+30 s, never twice; client ids grow by multiples of 4", () => {
  const ids = new MsgIds();
  const now = BigInt(Math.floor(Date.now() / 1000)) << 32n;
  ids.checkServer(now + 1n, "t");
  ids.checkServer(now + 7n, "t");
  assert.throws(() => ids.checkServer(now + 1n, "t"), /came twice/);
  assert.throws(() => ids.checkServer(now + 4n, "t"), /≡ 0 mod 4/);
  assert.throws(() => ids.checkServer(now + 6n, "t"), /≡ 2 mod 4/);
  assert.throws(() => ids.checkServer(now - (301n << 32n) + 1n, "t"), /from the server's time/);
  assert.throws(() => ids.checkServer(now + (31n << 32n) + 1n, "t"), /from the server's time/);
  const a = ids.next();
  const b = ids.next();
  assert.equal(a % 4n, 0n);
  assert.ok(b > a && b % 4n === 0n);
  ids.offsetSeconds = 1000;
  assert.ok(ids.next() >> 32n >= (now >> 32n) + 999n, "the offset from server_time moves the clock");
});
