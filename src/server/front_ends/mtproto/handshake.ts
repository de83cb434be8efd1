// Creating an auth key, server side (core.telegram.org/mtproto/auth_key): req_pq / req_pq_multi →
// resPQ; req_DH_params (any of the four p_q_inner_data forms, RSA_PAD or the older SHA1 scheme) →
// server_DH_params_ok; set_client_DH_params → dh_gen_ok, or dh_gen_retry when the new key's id is
// taken, or dh_gen_fail when g_b is outside the safe range. One exchange at a time per connection;
// a message that does not continue it (wrong nonces, a fingerprint that is not ours, ciphertext
// that does not decrypt) is a fault and ends the connection.
import { generatePrimeSync, randomBytes } from "node:crypto";
import { type TlCodec, TlCodecError, TlReader } from "../../../tl/index.ts";
import type { TlObject } from "../../tl_values.ts";
import { type AuthKey, type AuthKeyStore, auxHashOf, idOf } from "./auth_keys.ts";
import { aesIgeDecrypt, aesIgeEncrypt, sha1, tmpAesKeyIv } from "./crypto.ts";
import { DH_G, DH_PRIME, inSafeRange, serverExponent, sharedKey } from "./dh.ts";
import { decryptInnerData, type ServerRsaKey } from "./rsa.ts";

export class HandshakeFault extends Error {
  override name = "HandshakeFault";
}

interface Exchange {
  nonce: string;
  serverNonce: string;
  p: Buffer;
  q: Buffer;
  pq: Buffer;
  newNonce?: Buffer;
  tmp?: { key: Buffer; iv: Buffer };
  a?: Buffer;
  expiresIn?: number;
  /** auth_key_aux_hash of the last attempt that was answered dh_gen_retry, as a long. */
  retryId: string;
  attempts: number;
}

const MAX_ATTEMPTS = 4;

const bigBytes = (n: bigint) => {
  const digits = n.toString(16);
  return Buffer.from(digits.length % 2 === 0 ? digits : `0${digits}`, "hex");
};

/** A few pq values made once: the proof of work only has to be done, not be new each time. */
const PQ_POOL: { p: Buffer; q: Buffer; pq: Buffer }[] = [];
const PQ_POOL_SIZE = 16;

/** Fills the pool of pq values now (about 1 ms each) rather than during the first key exchanges. */
export function warmUpPq(): void {
  while (PQ_POOL.length < PQ_POOL_SIZE) {
    let p = generatePrimeSync(31, { bigint: true });
    let q = generatePrimeSync(31, { bigint: true });
    if (p === q) continue;
    if (p > q) [p, q] = [q, p];
    PQ_POOL.push({ p: bigBytes(p), q: bigBytes(q), pq: bigBytes(p * q) });
  }
}

function somePq(): { p: Buffer; q: Buffer; pq: Buffer } {
  warmUpPq();
  return PQ_POOL[Math.floor(Math.random() * PQ_POOL.length)] as { p: Buffer; q: Buffer; pq: Buffer };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const fromB64 = (text: unknown) => Buffer.from(typeof text === "string" ? text : "", "base64");
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** new_nonce_hashN: the lower 128 bits of SHA1(new_nonce ‖ N ‖ auth_key_aux_hash). */
function newNonceHash(newNonce: Buffer, n: 1 | 2 | 3, authKey: Buffer): string {
  return hex(sha1(newNonce, Buffer.of(n), auxHashOf(authKey)).subarray(4, 20));
}

function padTo16(data: Buffer): Buffer {
  const padding = (16 - (data.length % 16)) % 16;
  return padding === 0 ? data : Buffer.concat([data, randomBytes(padding)]);
}

export interface HandshakeContext {
  codec: TlCodec;
  rsa: ServerRsaKey;
  keys: AuthKeyStore;
}

export const HANDSHAKE_METHODS = new Set(["req_pq", "req_pq_multi", "req_DH_params", "set_client_DH_params"]);

export class Handshake {
  private exchange: Exchange | undefined;

  constructor(private readonly context: HandshakeContext) {}

  /** The answer to one unencrypted call, and the key when this call completed one. */
  answer(call: TlObject): { answer: TlObject; created?: AuthKey } {
    switch (call._) {
      case "req_pq":
      case "req_pq_multi":
        return { answer: this.reqPq(call) };
      case "req_DH_params":
        return { answer: this.reqDhParams(call) };
      case "set_client_DH_params":
        return this.setClientDhParams(call);
      default:
        throw new HandshakeFault(`${String(call._)} is not a message of the key exchange`);
    }
  }

  private reqPq(call: TlObject): TlObject {
    const { p, q, pq } = somePq();
    const nonce = String(call.nonce);
    const serverNonce = hex(randomBytes(16));
    this.exchange = { nonce, serverNonce, p, q, pq, retryId: "0", attempts: 0 };
    return {
      _: "resPQ",
      nonce,
      server_nonce: serverNonce,
      pq: b64(pq),
      server_public_key_fingerprints: [this.context.rsa.fingerprint],
    };
  }

  private current(call: TlObject): Exchange {
    const exchange = this.exchange;
    if (!exchange || call.nonce !== exchange.nonce || call.server_nonce !== exchange.serverNonce) {
      throw new HandshakeFault(`${String(call._)} with nonces of no exchange in progress`);
    }
    return exchange;
  }

  private reqDhParams(call: TlObject): TlObject {
    const exchange = this.current(call);
    if (exchange.newNonce) throw new HandshakeFault("req_DH_params twice in one exchange");
    if (call.public_key_fingerprint !== this.context.rsa.fingerprint) {
      throw new HandshakeFault("req_DH_params with a fingerprint that is not the server's");
    }
    if (!fromB64(call.p).equals(exchange.p) || !fromB64(call.q).equals(exchange.q)) {
      throw new HandshakeFault("req_DH_params with p and q that are not the factors of pq");
    }
    const plain = decryptInnerData(this.context.rsa, fromB64(call.encrypted_data));
    if (!plain) throw new HandshakeFault("encrypted_data does not decrypt with the server's key");
    const reader = new TlReader(plain.data);
    let inner: TlObject;
    try {
      inner = this.context.codec.read("P_Q_inner_data", reader) as TlObject;
    } catch (error) {
      if (error instanceof TlCodecError) throw new HandshakeFault(`p_q_inner_data: ${error.message}`);
      throw error;
    }
    if (!plain.verify(reader.offset)) throw new HandshakeFault("p_q_inner_data with a wrong SHA1");
    const newNonce = Buffer.from(String(inner.new_nonce), "hex");
    const matches =
      inner.nonce === exchange.nonce &&
      inner.server_nonce === exchange.serverNonce &&
      fromB64(inner.pq).equals(exchange.pq) &&
      fromB64(inner.p).equals(exchange.p) &&
      fromB64(inner.q).equals(exchange.q);
    if (!matches) {
      this.exchange = undefined;
      return {
        _: "server_DH_params_fail",
        nonce: exchange.nonce,
        server_nonce: exchange.serverNonce,
        new_nonce_hash: hex(sha1(newNonce).subarray(4, 20)),
      };
    }
    if (typeof inner.expires_in === "number") exchange.expiresIn = Math.max(0, inner.expires_in);
    const serverNonce = Buffer.from(exchange.serverNonce, "hex");
    const tmp = tmpAesKeyIv(serverNonce, newNonce);
    const { a, gA } = serverExponent();
    Object.assign(exchange, { newNonce, tmp, a });
    const answer = this.context.codec.encode("Server_DH_inner_data", {
      _: "server_DH_inner_data",
      nonce: exchange.nonce,
      server_nonce: exchange.serverNonce,
      g: DH_G,
      dh_prime: b64(DH_PRIME),
      g_a: b64(gA),
      server_time: Math.floor(Date.now() / 1000),
    });
    const withHash = padTo16(Buffer.concat([sha1(answer), answer]));
    return {
      _: "server_DH_params_ok",
      nonce: exchange.nonce,
      server_nonce: exchange.serverNonce,
      encrypted_answer: b64(aesIgeEncrypt(withHash, tmp.key, tmp.iv)),
    };
  }

  private setClientDhParams(call: TlObject): { answer: TlObject; created?: AuthKey } {
    const exchange = this.current(call);
    const { newNonce, tmp, a } = exchange;
    if (!newNonce || !tmp || !a) throw new HandshakeFault("set_client_DH_params before req_DH_params");
    const encrypted = fromB64(call.encrypted_data);
    if (encrypted.length === 0 || encrypted.length % 16 !== 0) {
      throw new HandshakeFault("set_client_DH_params with data that is not whole AES blocks");
    }
    const plain = aesIgeDecrypt(encrypted, tmp.key, tmp.iv);
    const reader = new TlReader(plain.subarray(20));
    let inner: TlObject;
    try {
      inner = this.context.codec.read("Client_DH_Inner_Data", reader) as TlObject;
    } catch (error) {
      if (error instanceof TlCodecError) throw new HandshakeFault(`client_DH_inner_data: ${error.message}`);
      throw error;
    }
    const innerBytes = plain.subarray(20, 20 + reader.offset);
    if (!sha1(innerBytes).equals(plain.subarray(0, 20)) || plain.length - 20 - reader.offset > 15) {
      throw new HandshakeFault("client_DH_inner_data with a wrong SHA1 or padding");
    }
    if (inner.nonce !== exchange.nonce || inner.server_nonce !== exchange.serverNonce) {
      throw new HandshakeFault("client_DH_inner_data with other nonces");
    }
    if (inner.retry_id !== exchange.retryId)
      throw new HandshakeFault("client_DH_inner_data with a wrong retry_id");
    exchange.attempts += 1;
    const gB = fromB64(inner.g_b);
    const base = { nonce: exchange.nonce, server_nonce: exchange.serverNonce };
    if (!inSafeRange(gB)) {
      this.exchange = undefined;
      // No key was made; the hash is computed over the key g_b would give, as a client checks it.
      let key: Buffer = Buffer.alloc(256);
      try {
        if (gB.length > 0 && gB.length <= 256) key = sharedKey(a, gB);
      } catch {
        // OpenSSL refuses some public values (0, 1, p − 1): the hash is then over a zero key.
      }
      return { answer: { _: "dh_gen_fail", ...base, new_nonce_hash3: newNonceHash(newNonce, 3, key) } };
    }
    const key = sharedKey(a, gB);
    const id = idOf(key);
    if (this.context.keys.has(id)) {
      if (exchange.attempts >= MAX_ATTEMPTS) {
        this.exchange = undefined;
        return { answer: { _: "dh_gen_fail", ...base, new_nonce_hash3: newNonceHash(newNonce, 3, key) } };
      }
      exchange.retryId = auxHashOf(key).readBigInt64LE(0).toString();
      return { answer: { _: "dh_gen_retry", ...base, new_nonce_hash2: newNonceHash(newNonce, 2, key) } };
    }
    this.exchange = undefined;
    const serverNonce = Buffer.from(exchange.serverNonce, "hex");
    const firstSalt = Buffer.alloc(8);
    for (let i = 0; i < 8; i += 1) firstSalt[i] = (newNonce[i] ?? 0) ^ (serverNonce[i] ?? 0);
    const now = Date.now();
    const created: AuthKey = {
      id,
      key,
      firstSalt,
      createdAt: now,
      expiresAt: exchange.expiresIn === undefined ? undefined : now + exchange.expiresIn * 1000,
      sessions: new Map(),
    };
    this.context.keys.add(created);
    return { answer: { _: "dh_gen_ok", ...base, new_nonce_hash1: newNonceHash(newNonce, 1, key) }, created };
  }
}
