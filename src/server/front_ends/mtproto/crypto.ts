// The server's own MTProto 2.0 crypto, on node:crypto alone (docs/mtproto.md): AES-256-IGE, the
// message key and its AES key/iv derivation, and the temporary AES key of the auth key exchange.
// Node has no IGE mode, so IGE is chained here over single-block AES-256-ECB.
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";

export const sha1 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

function xorInto(target: Buffer, at: number, a: Uint8Array, aAt: number, b: Uint8Array, bAt: number): void {
  for (let i = 0; i < 16; i += 1) target[at + i] = (a[aAt + i] ?? 0) ^ (b[bAt + i] ?? 0);
}

function checkIge(data: Uint8Array, key: Uint8Array, iv: Uint8Array): void {
  if (data.length % 16 !== 0) throw new RangeError("AES-IGE data must be a multiple of 16 bytes");
  if (key.length !== 32 || iv.length !== 32) throw new RangeError("AES-IGE takes a 32-byte key and iv");
}

/** AES-256-IGE: c_i = E(m_i ⊕ c_{i−1}) ⊕ m_{i−1}; iv = c_0 ‖ m_0. */
export function aesIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  checkIge(data, key, iv);
  const cipher = createCipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const out = Buffer.allocUnsafe(data.length);
  const block = Buffer.allocUnsafe(16);
  let prevC: Uint8Array = iv.subarray(0, 16);
  let prevCAt = 0;
  let prevM: Uint8Array = iv.subarray(16, 32);
  let prevMAt = 0;
  for (let at = 0; at < data.length; at += 16) {
    xorInto(block, 0, data, at, prevC, prevCAt);
    const encrypted = cipher.update(block);
    xorInto(out, at, encrypted, 0, prevM, prevMAt);
    prevC = out;
    prevCAt = at;
    prevM = data;
    prevMAt = at;
  }
  return out;
}

/** The inverse: m_i = D(c_i ⊕ m_{i−1}) ⊕ c_{i−1}. */
export function aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  checkIge(data, key, iv);
  const decipher = createDecipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  const out = Buffer.allocUnsafe(data.length);
  const block = Buffer.allocUnsafe(16);
  let prevC: Uint8Array = iv.subarray(0, 16);
  let prevCAt = 0;
  let prevM: Uint8Array = iv.subarray(16, 32);
  let prevMAt = 0;
  for (let at = 0; at < data.length; at += 16) {
    xorInto(block, 0, data, at, prevM, prevMAt);
    const decrypted = decipher.update(block);
    xorInto(out, at, decrypted, 0, prevC, prevCAt);
    prevC = data;
    prevCAt = at;
    prevM = out;
    prevMAt = at;
  }
  return out;
}

/** x = 0 for messages from client to server, 8 for server to client. */
export type Direction = 0 | 8;
export const FROM_CLIENT: Direction = 0;
export const FROM_SERVER: Direction = 8;

/** MTProto 2.0 msg_key: the middle 128 bits of SHA-256(auth_key[88+x .. 120+x] ‖ plaintext ‖ padding). */
export function messageKey(authKey: Uint8Array, plaintext: Uint8Array, x: Direction): Buffer {
  return sha256(authKey.subarray(88 + x, 120 + x), plaintext).subarray(8, 24);
}

/** MTProto 2.0 aes_key and aes_iv from the auth key and msg_key (core.telegram.org/mtproto/description). */
export function messageAesKeyIv(
  authKey: Uint8Array,
  msgKey: Uint8Array,
  x: Direction,
): { key: Buffer; iv: Buffer } {
  const a = sha256(msgKey, authKey.subarray(x, x + 36));
  const b = sha256(authKey.subarray(40 + x, 76 + x), msgKey);
  const key = Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]);
  const iv = Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]);
  return { key, iv };
}

/** The temporary AES key and iv of server_DH_params_ok / set_client_DH_params (auth_key page). */
export function tmpAesKeyIv(serverNonce: Uint8Array, newNonce: Uint8Array): { key: Buffer; iv: Buffer } {
  const ns = sha1(newNonce, serverNonce);
  const sn = sha1(serverNonce, newNonce);
  const nn = sha1(newNonce, newNonce);
  return {
    key: Buffer.concat([ns, sn.subarray(0, 12)]),
    iv: Buffer.concat([sn.subarray(12, 20), nn, newNonce.subarray(0, 4)]),
  };
}
