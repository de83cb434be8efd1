// The key exchange step by step, for what gramjs does not send: the other three p_q_inner_data
// forms (_dc, _temp, _temp_dc), the older SHA1 RSA scheme, a temporary key lapsing, g_b outside
// the safe range (dh_gen_fail), and messages that do not continue an exchange (the connection
// ends with -404). The client side is written here from core.telegram.org/mtproto/auth_key, with
// gramjs's IGE and factorizer and node:crypto's raw RSA, not the server's modules.
import assert from "node:assert/strict";
import { constants, createHash, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import {
  type RunningMtprotoServer,
  startMtprotoServer,
} from "../../../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../../../src/server/index.ts";
import { layerCodec, TlReader } from "../../../src/tl/index.ts";
import { FramedSocket } from "./gramjs_client.ts";

const require = createRequire(import.meta.url);
const { IGE } = require("telegram/crypto/IGE.js") as {
  IGE: new (
    key: Buffer,
    iv: Buffer,
  ) => { encryptIge(data: Buffer): Buffer; decryptIge(data: Buffer): Buffer };
};
const { Factorizator } = require("telegram/crypto/Factorizator.js") as {
  Factorizator: { factorize(pq: unknown): { p: { toString(): string }; q: { toString(): string } } };
};
const bigInt = require("big-integer") as (value: string) => unknown;

const codec = layerCodec(1);
const sha1 = (...parts: Buffer[]) => createHash("sha1").update(Buffer.concat(parts)).digest();
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const b64 = (b: Buffer) => b.toString("base64");
const big = (b: Buffer) => BigInt(`0x${b.toString("hex") || "0"}`);
const bytesOf = (n: bigint, size?: number) => {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const b = Buffer.from(hex, "hex");
  return size && b.length < size ? Buffer.concat([Buffer.alloc(size - b.length), b]) : b;
};
function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

let server: RunningMtprotoServer;
let modulus: Buffer;

before(async () => {
  server = await startMtprotoServer(createServerState());
  const jwk = createPublicKey(server.rsaPublicKeyPem).export({ format: "jwk" });
  modulus = Buffer.from(jwk.n ?? "", "base64url");
});
after(() => server.close());

class PlainClient {
  private lastId = 0n;
  constructor(readonly framed: FramedSocket) {}
  static async open(): Promise<PlainClient> {
    return new PlainClient(await FramedSocket.open(server.port, "intermediate"));
  }
  async call(request: Record<string, unknown>): Promise<Record<string, unknown> | number | undefined> {
    const body = codec.encodeCall(request as never);
    let id =
      (BigInt(Math.floor(Date.now() / 1000)) << 32n) | (BigInt(Math.floor(Math.random() * 2 ** 30)) << 2n);
    if (id <= this.lastId) id = this.lastId + 4n;
    this.lastId = id;
    const head = Buffer.alloc(20);
    head.writeBigInt64LE(id, 8);
    head.writeUInt32LE(body.length, 16);
    await this.framed.send(Buffer.concat([head, body]));
    const answer = await this.framed.recv(3_000);
    if (!answer) return undefined;
    if (answer.length === 4) return answer.readInt32LE(0);
    return codec.decode("Object", answer.subarray(20)) as Record<string, unknown>;
  }
}

type Form = "p_q_inner_data" | "p_q_inner_data_dc" | "p_q_inner_data_temp" | "p_q_inner_data_temp_dc";

function rsaPad(data: Buffer): Buffer {
  const dataWithPadding = Buffer.concat([data, randomBytes(192 - data.length)]);
  const reversed = Buffer.from(dataWithPadding).reverse();
  for (;;) {
    const tempKey = randomBytes(32);
    const aesEncrypted = new IGE(tempKey, Buffer.alloc(32)).encryptIge(
      Buffer.concat([reversed, sha256(tempKey, dataWithPadding)]),
    );
    const hash = sha256(aesEncrypted);
    const xored = Buffer.from(tempKey.map((byte, i) => byte ^ (hash[i] ?? 0)));
    const block = Buffer.concat([xored, aesEncrypted]);
    if (big(block) >= big(modulus)) continue;
    return publicEncrypt({ key: server.rsaPublicKeyPem, padding: constants.RSA_NO_PADDING }, block);
  }
}

function sha1Scheme(data: Buffer): Buffer {
  const block = Buffer.concat([Buffer.of(0), sha1(data), data, randomBytes(255 - 20 - data.length)]);
  return publicEncrypt({ key: server.rsaPublicKeyPem, padding: constants.RSA_NO_PADDING }, block);
}

interface Exchange {
  client: PlainClient;
  answer: Record<string, unknown> | number | undefined;
  authKey?: Buffer;
  newNonce: Buffer;
}

async function exchange(
  form: Form,
  scheme: "rsa_pad" | "sha1",
  options: { gB?: (prime: bigint) => bigint; expiresIn?: number } = {},
): Promise<Exchange> {
  const client = await PlainClient.open();
  const nonce = randomBytes(16).toString("hex");
  const resPQ = (await client.call({ _: "req_pq_multi", nonce })) as Record<string, unknown>;
  assert.equal(resPQ._, "resPQ");
  assert.equal(resPQ.nonce, nonce);
  const pq = Buffer.from(String(resPQ.pq), "base64");
  const { p, q } = Factorizator.factorize(bigInt(big(pq).toString()));
  const pBytes = bytesOf(BigInt(p.toString()));
  const qBytes = bytesOf(BigInt(q.toString()));
  const newNonce = randomBytes(32);
  const inner: Record<string, unknown> = {
    _: form,
    pq: b64(pq),
    p: b64(pBytes),
    q: b64(qBytes),
    nonce,
    server_nonce: resPQ.server_nonce,
    new_nonce: newNonce.toString("hex"),
  };
  if (form.endsWith("_dc")) inner.dc = 2;
  if (form.includes("temp")) inner.expires_in = options.expiresIn ?? 3600;
  const data = Buffer.from(codec.encode("P_Q_inner_data", inner));
  const fingerprints = resPQ.server_public_key_fingerprints as string[];
  const dhParams = (await client.call({
    _: "req_DH_params",
    nonce,
    server_nonce: resPQ.server_nonce,
    p: b64(pBytes),
    q: b64(qBytes),
    public_key_fingerprint: fingerprints[0],
    encrypted_data: b64(scheme === "rsa_pad" ? rsaPad(data) : sha1Scheme(data)),
  })) as Record<string, unknown>;
  assert.equal(dhParams._, "server_DH_params_ok", JSON.stringify(dhParams));
  const serverNonce = Buffer.from(String(resPQ.server_nonce), "hex");
  const key = Buffer.concat([sha1(newNonce, serverNonce), sha1(serverNonce, newNonce).subarray(0, 12)]);
  const iv = Buffer.concat([
    sha1(serverNonce, newNonce).subarray(12, 20),
    sha1(newNonce, newNonce),
    newNonce.subarray(0, 4),
  ]);
  const ige = new IGE(key, iv);
  const answerWithHash = ige.decryptIge(Buffer.from(String(dhParams.encrypted_answer), "base64"));
  const reader = new TlReader(answerWithHash.subarray(20));
  const dhInner = codec.read("Server_DH_inner_data", reader) as Record<string, unknown>;
  assert.ok(sha1(answerWithHash.subarray(20, 20 + reader.offset)).equals(answerWithHash.subarray(0, 20)));
  const prime = big(Buffer.from(String(dhInner.dh_prime), "base64"));
  const gA = big(Buffer.from(String(dhInner.g_a), "base64"));
  const b = big(randomBytes(256));
  const gB = options.gB ? options.gB(prime) : modPow(BigInt(Number(dhInner.g)), b, prime);
  const clientInner = Buffer.from(
    codec.encode("Client_DH_Inner_Data", {
      _: "client_DH_inner_data",
      nonce,
      server_nonce: resPQ.server_nonce,
      retry_id: "0",
      g_b: b64(bytesOf(gB, 256)),
    }),
  );
  const plain = Buffer.concat([sha1(clientInner), clientInner]);
  const padded = Buffer.concat([plain, randomBytes((16 - (plain.length % 16)) % 16)]);
  const answer = await client.call({
    _: "set_client_DH_params",
    nonce,
    server_nonce: resPQ.server_nonce,
    encrypted_data: b64(ige.encryptIge(padded)),
  });
  const authKey = bytesOf(modPow(gA, b, prime), 256);
  return { client, answer, authKey, newNonce };
}

const nonceHash = (newNonce: Buffer, n: number, authKey: Buffer) =>
  sha1(newNonce, Buffer.of(n), sha1(authKey).subarray(0, 8)).subarray(4, 20).toString("hex");

for (const form of [
  "p_q_inner_data",
  "p_q_inner_data_dc",
  "p_q_inner_data_temp",
  "p_q_inner_data_temp_dc",
] as const) {
  for (const scheme of ["rsa_pad", "sha1"] as const) {
    test(`${form} with ${scheme} gives dh_gen_ok with the right new_nonce_hash1`, async () => {
      const { client, answer, authKey, newNonce } = await exchange(form, scheme);
      client.framed.close();
      assert.equal(typeof answer, "object");
      const ok = answer as Record<string, unknown>;
      assert.equal(ok._, "dh_gen_ok");
      assert.equal(ok.new_nonce_hash1, nonceHash(newNonce, 1, authKey as Buffer));
    });
  }
}

test("g_b outside the safe range answers dh_gen_fail (2, 1, 0, p − 1, p − 2^1984)", async () => {
  const values = [() => 2n, () => 1n, () => 0n, (p: bigint) => p - 1n, (p: bigint) => p - (1n << 1984n)];
  for (const gB of values) {
    const { client, answer } = await exchange("p_q_inner_data_dc", "rsa_pad", { gB });
    client.framed.close();
    assert.equal((answer as Record<string, unknown>)._, "dh_gen_fail", String(gB));
  }
});

test("a temporary key lapses after expires_in: its messages then answer -404", async () => {
  const { client, answer, authKey } = await exchange("p_q_inner_data_temp_dc", "rsa_pad", { expiresIn: 1 });
  assert.equal((answer as Record<string, unknown>)._, "dh_gen_ok");
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const keyId = sha1(authKey as Buffer).subarray(12, 20);
  await client.framed.send(Buffer.concat([keyId, randomBytes(16), randomBytes(64)]));
  const reply = await client.framed.recv(2_000);
  assert.equal(reply?.readInt32LE(0), -404);
  client.framed.close();
});

test("messages that do not continue an exchange end the connection with -404", async () => {
  const stray = await PlainClient.open();
  const answer = await stray.call({
    _: "set_client_DH_params",
    nonce: randomBytes(16).toString("hex"),
    server_nonce: randomBytes(16).toString("hex"),
    encrypted_data: b64(randomBytes(32)),
  });
  assert.equal(answer, -404);
  stray.framed.close();
  const wrongKey = await PlainClient.open();
  const nonce = randomBytes(16).toString("hex");
  const resPQ = (await wrongKey.call({ _: "req_pq", nonce })) as Record<string, unknown>;
  assert.equal(resPQ._, "resPQ", "the older req_pq is answered too");
  const refused = await wrongKey.call({
    _: "req_DH_params",
    nonce,
    server_nonce: resPQ.server_nonce,
    p: b64(Buffer.of(1)),
    q: b64(Buffer.of(1)),
    public_key_fingerprint: "1",
    encrypted_data: b64(randomBytes(256)),
  });
  assert.equal(refused, -404);
  wrongKey.framed.close();
  const apiCall = await PlainClient.open();
  assert.equal(await apiCall.call({ _: "updates.getState" }), -404, "an API call never travels unencrypted");
  apiCall.framed.close();
});
