// The server's own MTProto 2.0 crypto, on node:crypto alone (docs/mtproto.md): AES-256-IGE, the
// message key and its AES key/iv derivation, and the temporary AES key of the auth key exchange.
// Node has no IGE mode: encryption is one native CBC pass, decryption a JavaScript block cipher.
import { createCipheriv, hash, randomBytes } from "node:crypto";
import { decryptBlock, decryptionSchedule, wordAt } from "./aes256.ts";

// One-shot hashing (crypto.hash) costs a fraction of a Hash object's per message.
const digest = (algorithm: string, parts: Uint8Array[]): Buffer =>
  hash(algorithm, parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts), "buffer");

export const sha1 = (...parts: Uint8Array[]): Buffer => digest("sha1", parts);

export const sha256 = (...parts: Uint8Array[]): Buffer => digest("sha256", parts);

function checkIge(data: Uint8Array, key: Uint8Array, iv: Uint8Array): void {
  if (data.length % 16 !== 0) throw new RangeError("AES-IGE data must be a multiple of 16 bytes");
  if (key.length !== 32 || iv.length !== 32) throw new RangeError("AES-IGE takes a 32-byte key and iv");
}

/**
 * AES-256-IGE: c_i = E(m_i ⊕ c_{i−1}) ⊕ m_{i−1}; iv = c_0 ‖ m_0. Computed as one native CBC pass:
 * with y_i = c_i ⊕ m_{i−1}, y_i = E((m_i ⊕ m_{i−2}) ⊕ y_{i−1}) (m_{−1} = 0, y_0 = c_0), which is
 * CBC encryption of x_i = m_i ⊕ m_{i−2} under iv c_0; then c_i = y_i ⊕ m_{i−1}.
 */
export function aesIgeEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  checkIge(data, key, iv);
  const n = data.length;
  const x = Buffer.allocUnsafe(n);
  const m0 = iv.subarray(16, 32);
  for (let i = 0; i < n; i += 1) {
    // m_{i−2} for the byte at i: the block two back, m_0 (iv's second half) for the second block, 0 for the first.
    const back = i >= 32 ? (data[i - 32] ?? 0) : i >= 16 ? (m0[i - 16] ?? 0) : 0;
    x[i] = (data[i] ?? 0) ^ back;
  }
  const cipher = createCipheriv("aes-256-cbc", key, iv.subarray(0, 16)).setAutoPadding(false);
  const y = cipher.update(x);
  for (let i = 0; i < n; i += 1) {
    const prevM = i >= 16 ? (data[i - 16] ?? 0) : (m0[i] ?? 0);
    y[i] = (y[i] ?? 0) ^ prevM;
  }
  return y;
}

function putWord(bytes: Buffer, at: number, word: number): void {
  bytes[at] = word >>> 24;
  bytes[at + 1] = word >>> 16;
  bytes[at + 2] = word >>> 8;
  bytes[at + 3] = word;
}

/** One block's output words, reused: decryption is synchronous. */
const decrypted = new Uint32Array(4);

/**
 * The inverse: m_i = D(c_i ⊕ m_{i−1}) ⊕ c_{i−1}, over the JavaScript block cipher of aes256.ts
 * (each block's input needs the block before it, which no native mode chains).
 */
export function aesIgeDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  checkIge(data, key, iv);
  const schedule = decryptionSchedule(key);
  const out = Buffer.allocUnsafe(data.length);
  let c0 = wordAt(iv, 0);
  let c1 = wordAt(iv, 4);
  let c2 = wordAt(iv, 8);
  let c3 = wordAt(iv, 12);
  let m0 = wordAt(iv, 16);
  let m1 = wordAt(iv, 20);
  let m2 = wordAt(iv, 24);
  let m3 = wordAt(iv, 28);
  for (let at = 0; at < data.length; at += 16) {
    const y0 = wordAt(data, at);
    const y1 = wordAt(data, at + 4);
    const y2 = wordAt(data, at + 8);
    const y3 = wordAt(data, at + 12);
    decryptBlock(schedule, y0 ^ m0, y1 ^ m1, y2 ^ m2, y3 ^ m3, decrypted);
    m0 = ((decrypted[0] as number) ^ c0) >>> 0;
    m1 = ((decrypted[1] as number) ^ c1) >>> 0;
    m2 = ((decrypted[2] as number) ^ c2) >>> 0;
    m3 = ((decrypted[3] as number) ^ c3) >>> 0;
    putWord(out, at, m0);
    putWord(out, at + 4, m1);
    putWord(out, at + 8, m2);
    putWord(out, at + 12, m3);
    c0 = y0;
    c1 = y1;
    c2 = y2;
    c3 = y3;
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

/** Random bytes for padding, drawn from a pool refilled 64 KiB at a time: one small randomBytes per message costs more. */
let pool = Buffer.alloc(0);
let poolAt = 0;
export function randomPadding(length: number): Buffer {
  if (poolAt + length > pool.length) {
    pool = randomBytes(64 * 1024);
    poolAt = 0;
  }
  const bytes = pool.subarray(poolAt, poolAt + length);
  poolAt += length;
  return bytes;
}
