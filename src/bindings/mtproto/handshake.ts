// Creating an auth key (core.telegram.org/mtproto/auth_key) with every check of the security
// guidelines: req_pq_multi → resPQ (nonce echoed, our key's fingerprint offered, pq factored),
// req_DH_params with p_q_inner_data_dc under RSA_PAD → server_DH_params_ok (nonces, the answer's
// SHA1, dh_prime, g, g_a) → set_client_DH_params → dh_gen_ok (new_nonce_hash1). dh_gen_retry
// is followed as the page says, twice at most. Each failed check is its own TargetError code.
import { randomBytes } from "node:crypto";
import { TargetError, type TargetErrorCode } from "../../client/errors.ts";
import { layerCodec, TlCodecError, type TlObject, TlReader } from "../../tl/index.ts";
import { hexOf } from "./connection.ts";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  newNonceHash,
  type RsaPublicKey,
  rsaPadEncrypt,
  sha1,
  tempAesKeys,
} from "./crypto.ts";
import { clientDh, serverDhProblem } from "./dh.ts";
import { bigEndianBytes, factorPq, fromBigEndian } from "./factor.ts";

/** What the plaintext exchange needs: send one object, get the body of the next answer. */
export interface PlainChannel {
  exchange(body: Uint8Array, what: string): Promise<Buffer>;
}

export interface AuthKeyResult {
  authKey: Buffer;
  authKeyId: Buffer;
  serverSalt: Buffer;
  /** server_time minus our clock, in seconds. */
  timeOffsetSeconds: number;
}

/** The DC the inner data names (any number; the reference server accepts every one). */
const DC = 2;
const MAX_RETRIES = 2;

const codec = layerCodec(1);
const fault = (code: TargetErrorCode, detail: string) => new TargetError(code, detail);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const fromB64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : "", "base64");

function decoded(type: string, body: Buffer, what: string): TlObject {
  try {
    return codec.decode(type, body) as TlObject;
  } catch (error) {
    if (!(error instanceof TlCodecError)) throw error;
    throw fault("TARGET_MTPROTO_BAD_MESSAGE", `${what}: ${error.message}: ${hexOf(body)}`);
  }
}

function checkNonces(answer: TlObject, nonce: string, serverNonce: string | undefined, what: string): void {
  if (answer.nonce !== nonce)
    throw fault("TARGET_MTPROTO_BAD_NONCE", `${what} echoes nonce ${String(answer.nonce)}, we sent ${nonce}`);
  if (serverNonce !== undefined && answer.server_nonce !== serverNonce)
    throw fault(
      "TARGET_MTPROTO_BAD_NONCE",
      `${what} carries server_nonce ${String(answer.server_nonce)}, resPQ gave ${serverNonce}`,
    );
}

/** The SHA1-prefixed, padded TL value both DH inner messages travel as, read back. */
function readHashed(plain: Buffer, type: string, what: string): TlObject {
  const reader = new TlReader(plain.subarray(20));
  let value: TlObject;
  try {
    value = codec.read(type, reader) as TlObject;
  } catch (error) {
    if (!(error instanceof TlCodecError)) throw error;
    throw fault("TARGET_MTPROTO_BAD_DH_PARAMS", `${what} cannot be read: ${error.message}: ${hexOf(plain)}`);
  }
  const answer = plain.subarray(20, 20 + reader.offset);
  const padding = plain.length - 20 - reader.offset;
  if (padding > 15)
    throw fault("TARGET_MTPROTO_BAD_DH_PARAMS", `${what} is followed by ${padding} bytes of padding (0..15)`);
  if (!sha1(answer).equals(plain.subarray(0, 20)))
    throw fault(
      "TARGET_MTPROTO_BAD_DH_PARAMS",
      `the SHA1 before ${what} is not the SHA1 of it: ${hexOf(plain)}`,
    );
  return value;
}

function hashed(data: Uint8Array): Buffer {
  const withHash = Buffer.concat([sha1(data), data]);
  return Buffer.concat([withHash, randomBytes((16 - (withHash.length % 16)) % 16)]);
}

export async function createAuthKey(channel: PlainChannel, key: RsaPublicKey): Promise<AuthKeyResult> {
  const nonce = randomBytes(16).toString("hex");
  const resPQ = decoded(
    "ResPQ",
    await channel.exchange(codec.encodeCall({ _: "req_pq_multi", nonce }), "req_pq_multi"),
    "resPQ",
  );
  checkNonces(resPQ, nonce, undefined, "resPQ");
  const serverNonce = String(resPQ.server_nonce);
  const fingerprints = (resPQ.server_public_key_fingerprints as string[]) ?? [];
  if (!fingerprints.includes(key.fingerprint))
    throw fault(
      "TARGET_MTPROTO_BAD_FINGERPRINT",
      `resPQ offers [${fingerprints.join(", ")}], the target's key is ${key.fingerprint}`,
    );
  const pqBytes = fromB64(resPQ.pq);
  const factors = factorPq(fromBigEndian(pqBytes));
  if (typeof factors === "string") throw fault("TARGET_MTPROTO_BAD_DH_PARAMS", factors);
  const p = b64(bigEndianBytes(factors.p));
  const q = b64(bigEndianBytes(factors.q));

  const newNonce = randomBytes(32);
  const inner = codec.encode("P_Q_inner_data", {
    _: "p_q_inner_data_dc",
    pq: b64(pqBytes),
    p,
    q,
    nonce,
    server_nonce: serverNonce,
    new_nonce: newNonce.toString("hex"),
    dc: DC,
  });
  const reqDH = codec.encodeCall({
    _: "req_DH_params",
    nonce,
    server_nonce: serverNonce,
    p,
    q,
    public_key_fingerprint: key.fingerprint,
    encrypted_data: b64(rsaPadEncrypt(inner, key)),
  });
  const dhParams = decoded(
    "Server_DH_Params",
    await channel.exchange(reqDH, "req_DH_params"),
    "Server_DH_Params",
  );
  checkNonces(dhParams, nonce, serverNonce, dhParams._);
  if (dhParams._ === "server_DH_params_fail") {
    const expected = sha1(newNonce).subarray(4, 20).toString("hex");
    if (dhParams.new_nonce_hash !== expected)
      throw fault(
        "TARGET_MTPROTO_BAD_NONCE",
        `server_DH_params_fail with new_nonce_hash ${String(dhParams.new_nonce_hash)}, expected ${expected}`,
      );
    throw fault("TARGET_MTPROTO_DH_FAILED", "the server answered req_DH_params with server_DH_params_fail");
  }
  const serverNonceBytes = Buffer.from(serverNonce, "hex");
  const temp = tempAesKeys(newNonce, serverNonceBytes);
  const encryptedAnswer = fromB64(dhParams.encrypted_answer);
  if (encryptedAnswer.length % 16 !== 0 || encryptedAnswer.length < 32)
    throw fault(
      "TARGET_MTPROTO_BAD_DH_PARAMS",
      `encrypted_answer of ${encryptedAnswer.length} bytes, not whole AES blocks`,
    );
  const innerData = readHashed(
    aesIgeDecrypt(encryptedAnswer, temp.key, temp.iv),
    "Server_DH_inner_data",
    "server_DH_inner_data",
  );
  checkNonces(innerData, nonce, serverNonce, "server_DH_inner_data");
  const dhPrime = fromB64(innerData.dh_prime);
  const g = Number(innerData.g);
  const gA = fromB64(innerData.g_a);
  const problem = serverDhProblem(dhPrime, g, gA);
  if (problem) throw fault("TARGET_MTPROTO_BAD_DH_PARAMS", problem);
  const timeOffsetSeconds = Number(innerData.server_time) - Date.now() / 1000;

  let retryId = "0";
  for (let attempt = 0; ; attempt += 1) {
    const { gB, authKey } = clientDh(dhPrime, g, gA);
    const clientInner = codec.encode("Client_DH_Inner_Data", {
      _: "client_DH_inner_data",
      nonce,
      server_nonce: serverNonce,
      retry_id: retryId,
      g_b: b64(gB),
    });
    const setParams = codec.encodeCall({
      _: "set_client_DH_params",
      nonce,
      server_nonce: serverNonce,
      encrypted_data: b64(aesIgeEncrypt(hashed(clientInner), temp.key, temp.iv)),
    });
    const answer = decoded(
      "Set_client_DH_params_answer",
      await channel.exchange(setParams, "set_client_DH_params"),
      "Set_client_DH_params_answer",
    );
    checkNonces(answer, nonce, serverNonce, answer._);
    const n = answer._ === "dh_gen_ok" ? 1 : answer._ === "dh_gen_retry" ? 2 : 3;
    const expected = newNonceHash(newNonce, n, authKey);
    const given = answer[`new_nonce_hash${n}`];
    if (given !== expected)
      throw fault(
        "TARGET_MTPROTO_BAD_NONCE",
        `${answer._} with new_nonce_hash${n} ${String(given)}, expected ${expected}`,
      );
    if (n === 1) {
      const serverSalt = Buffer.alloc(8);
      for (let i = 0; i < 8; i += 1) serverSalt[i] = (newNonce[i] ?? 0) ^ (serverNonceBytes[i] ?? 0);
      return { authKey, authKeyId: sha1(authKey).subarray(12, 20), serverSalt, timeOffsetSeconds };
    }
    if (n === 3)
      throw fault("TARGET_MTPROTO_DH_FAILED", "the server answered set_client_DH_params with dh_gen_fail");
    if (attempt >= MAX_RETRIES) throw fault("TARGET_MTPROTO_DH_FAILED", `dh_gen_retry ${attempt + 1} times`);
    retryId = sha1(authKey).readBigInt64LE(0).toString();
  }
}
