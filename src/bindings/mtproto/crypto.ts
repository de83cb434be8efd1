// MTProto 2.0 cryptography with node:crypto only (core.telegram.org/mtproto/description and
// auth_key): AES-256-IGE, msg_key and the key derivation of an encrypted message, RSA_PAD, the
// key fingerprint, and the temporary AES key of the key exchange. Pure functions over bytes.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  publicEncrypt,
  randomBytes,
} from "node:crypto";

export const sha1 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash("sha1");
  for (const p of parts) h.update(p);
  return h.digest();
};

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

function xorInto(target: Buffer, a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < 16; i += 1) target[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
}

/** AES-256 in IGE mode: c_i = E(p_i ⊕ c_{i−1}) ⊕ p_{i−1}, with iv = c_0 ‖ p_0 (32 bytes). */
export function aesIgeEncrypt(plain: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  if (plain.length % 16 !== 0)
    throw new RangeError(`IGE input of ${plain.length} bytes, not a multiple of 16`);
  // One native pass instead of a call per block: with y_i = c_i ⊕ p_{i−1}, the chain is
  // y_i = E(p_i ⊕ p_{i−2} ⊕ y_{i−1}) with y_0 = c_0, which is CBC over x_i = p_i ⊕ p_{i−2}
  // (p_{−1} taken as zero) with iv c_0; then c_i = y_i ⊕ p_{i−1}.
  const p0 = iv.subarray(16, 32);
  const previous = (at: number) => (at >= 16 ? plain[at - 16] : p0[at]) ?? 0;
  const x = Buffer.allocUnsafe(plain.length);
  for (let at = 0; at < plain.length; at += 1) x[at] = (plain[at] ?? 0) ^ (at >= 16 ? previous(at - 16) : 0);
  const y = createCipheriv("aes-256-cbc", key, iv.subarray(0, 16)).setAutoPadding(false).update(x);
  for (let at = 0; at < plain.length; at += 1) y[at] = (y[at] ?? 0) ^ previous(at);
  return y;
}

/**
 * The inverse, p_i = D(c_i ⊕ p_{i−1}) ⊕ c_{i−1}: block by block through ECB without padding, since
 * no native mode chains the inverse cipher.
 */
export function aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  if (data.length % 16 !== 0) throw new RangeError(`IGE input of ${data.length} bytes, not a multiple of 16`);
  const decipher = createDecipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const out = Buffer.alloc(data.length);
  let prevCipher = Buffer.from(iv.subarray(0, 16));
  let prevPlain = Buffer.from(iv.subarray(16, 32));
  const block = Buffer.alloc(16);
  for (let at = 0; at < data.length; at += 16) {
    const c = data.subarray(at, at + 16);
    xorInto(block, c, prevPlain);
    const d = decipher.update(block);
    const p = out.subarray(at, at + 16);
    xorInto(p, d, prevCipher);
    prevPlain = p;
    prevCipher = Buffer.from(c);
  }
  return out;
}

/** Which way a message goes: x = 0 client → server, 8 server → client. */
export type Direction = "client" | "server";
const xOf = (from: Direction) => (from === "client" ? 0 : 8);

/** msg_key: the middle 128 bits of SHA-256(auth_key[88+x .. 88+x+32] ‖ plaintext with its padding). */
export function msgKeyOf(authKey: Uint8Array, plaintext: Uint8Array, from: Direction): Buffer {
  const x = xOf(from);
  return sha256(authKey.subarray(88 + x, 88 + x + 32), plaintext).subarray(8, 24);
}

/** The AES key and iv of a message from its msg_key (MTProto 2.0). */
export function messageKeys(
  authKey: Uint8Array,
  msgKey: Uint8Array,
  from: Direction,
): { key: Buffer; iv: Buffer } {
  const x = xOf(from);
  const a = sha256(msgKey, authKey.subarray(x, x + 36));
  const b = sha256(authKey.subarray(40 + x, 40 + x + 36), msgKey);
  return {
    key: Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]),
    iv: Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]),
  };
}

/** The lower 64 bits of SHA1(auth_key): the last 8 bytes. */
export const authKeyIdOf = (authKey: Uint8Array): Buffer => sha1(authKey).subarray(12, 20);

/** TL `bytes` serialisation of a byte string (for the fingerprint's input). */
function tlBytes(data: Uint8Array): Buffer {
  const header =
    data.length < 254
      ? Buffer.from([data.length])
      : Buffer.from([254, data.length & 0xff, (data.length >> 8) & 0xff, (data.length >> 16) & 0xff]);
  const padding = (4 - ((header.length + data.length) % 4)) % 4;
  return Buffer.concat([header, data, Buffer.alloc(padding)]);
}

export interface RsaPublicKey {
  pem: string;
  /** Modulus, big-endian, no leading zero. */
  n: Buffer;
  e: Buffer;
  /** The key's fingerprint as a TL long (decimal string): lower 64 bits of SHA1(n ‖ e as TL bytes). */
  fingerprint: string;
}

export function rsaPublicKey(pem: string): RsaPublicKey {
  const jwk = createPublicKey(pem).export({ format: "jwk" });
  if (jwk.kty !== "RSA" || typeof jwk.n !== "string" || typeof jwk.e !== "string")
    throw new TypeError("the key is not an RSA public key");
  const n = Buffer.from(jwk.n, "base64url");
  const e = Buffer.from(jwk.e, "base64url");
  const fingerprint = sha1(tlBytes(n), tlBytes(e)).readBigInt64LE(12).toString();
  return { pem, n, e, fingerprint };
}

/** Big-endian bytes compare: is a < b? (both as unsigned numbers). */
function lessThan(a: Uint8Array, b: Uint8Array): boolean {
  return (
    BigInt(`0x${Buffer.from(a).toString("hex") || "0"}`) <
    BigInt(`0x${Buffer.from(b).toString("hex") || "0"}`)
  );
}

/** RSA_PAD (auth_key, step 4.1): data of at most 144 bytes encrypted under the server's key. */
export function rsaPadEncrypt(data: Uint8Array, key: RsaPublicKey, random = randomBytes): Buffer {
  if (data.length > 144) throw new RangeError(`RSA_PAD data of ${data.length} bytes, at most 144`);
  const withPadding = Buffer.concat([data, random(192 - data.length)]);
  const reversed = Buffer.from(withPadding).reverse();
  for (;;) {
    const tempKey = random(32);
    const dataWithHash = Buffer.concat([reversed, sha256(tempKey, withPadding)]);
    const aesEncrypted = aesIgeEncrypt(dataWithHash, tempKey, Buffer.alloc(32));
    const hash = sha256(aesEncrypted);
    const tempKeyXor = Buffer.alloc(32);
    for (let i = 0; i < 32; i += 1) tempKeyXor[i] = (tempKey[i] ?? 0) ^ (hash[i] ?? 0);
    const keyAesEncrypted = Buffer.concat([tempKeyXor, aesEncrypted]);
    if (!lessThan(keyAesEncrypted, key.n)) continue;
    return publicEncrypt({ key: key.pem, padding: constants.RSA_NO_PADDING }, keyAesEncrypted);
  }
}

/** The AES key and iv that hide server_DH_inner_data and client_DH_inner_data (auth_key, step 5). */
export function tempAesKeys(newNonce: Uint8Array, serverNonce: Uint8Array): { key: Buffer; iv: Buffer } {
  const ns = sha1(newNonce, serverNonce);
  const sn = sha1(serverNonce, newNonce);
  const nn = sha1(newNonce, newNonce);
  return {
    key: Buffer.concat([ns, sn.subarray(0, 12)]),
    iv: Buffer.concat([sn.subarray(12, 20), nn, newNonce.subarray(0, 4)]),
  };
}

/** new_nonce_hash1/2/3: the lower 128 bits of SHA1(new_nonce ‖ n ‖ auth_key_aux_hash). */
export function newNonceHash(newNonce: Uint8Array, n: 1 | 2 | 3, authKey: Uint8Array): string {
  const auxHash = sha1(authKey).subarray(0, 8);
  return sha1(newNonce, Buffer.from([n]), auxHash)
    .subarray(4, 20)
    .toString("hex");
}
