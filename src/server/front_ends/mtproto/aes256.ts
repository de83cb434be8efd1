// AES-256 block decryption in JavaScript, for the server's IGE decryption. IGE decryption is a
// chain: each block's input depends on the block decrypted before it, so node:crypto can only be
// driven one 16-byte update() at a time, and a message then costs a Decipher object (its OpenSSL
// context and key schedule, ~20 µs) plus about 1 µs of call overhead per block. Here the key
// schedule is a few hundred word operations and a block about 0.1 µs, for messages of any size.
//
// The tables and key schedule follow the Stanford JavaScript Crypto Library's formulation of
// FIPS-197 (the equivalent inverse cipher over combined T-tables). Table lookups depend on the
// data, so this is not constant-time; the reference server is a test target on loopback, where a
// cache-timing attacker would already share the machine. aes256.test.ts checks it against
// OpenSSL's AES-256-ECB on random keys and blocks.

/** The inverse cipher's four T-tables and the inverse S-box. */
const DEC0 = new Uint32Array(256);
const DEC1 = new Uint32Array(256);
const DEC2 = new Uint32Array(256);
const DEC3 = new Uint32Array(256);
const SBOX = new Uint8Array(256);
const SBOX_INV = new Uint8Array(256);

(function tables() {
  const dec = [DEC0, DEC1, DEC2, DEC3];
  // d[i] = 2·i in GF(2^8); th inverts i ↦ 3·i, to walk the field by powers of 3.
  const d = new Uint8Array(256);
  const th = new Uint8Array(256);
  for (let i = 0; i < 256; i += 1) {
    d[i] = (i << 1) ^ ((i >> 7) * 283);
    th[(d[i] as number) ^ i] = i;
  }
  let x = 0;
  let xInv = 0;
  // Every x once: x runs through 0 and the powers of 3, xInv through their inverses.
  for (let seen = 0; seen < 256; seen += 1) {
    let s = xInv ^ (xInv << 1) ^ (xInv << 2) ^ (xInv << 3) ^ (xInv << 4);
    s = (s >> 8) ^ (s & 255) ^ 99;
    SBOX[x] = s;
    SBOX_INV[s] = x;
    const x2 = d[x] as number;
    const x4 = d[x2] as number;
    const x8 = d[x4] as number;
    let tDec = (x8 * 0x1010101) ^ (x4 * 0x10001) ^ (x2 * 0x101) ^ (x * 0x1010100);
    for (const table of dec) {
      tDec = (tDec << 24) ^ (tDec >>> 8);
      table[s] = tDec;
    }
    x ^= x2 || 1;
    xInv = th[xInv] || 1;
  }
})();

/** The big-endian word at `at`: how AES reads its key and blocks. */
export const wordAt = (bytes: Uint8Array, at: number): number =>
  (((bytes[at] as number) << 24) |
    ((bytes[at + 1] as number) << 16) |
    ((bytes[at + 2] as number) << 8) |
    (bytes[at + 3] as number)) >>>
  0;

/** The encryption schedule, the step before the decryption one; reused, as the schedule is synchronous. */
const enc = new Uint32Array(60);

/** The 60 words of the AES-256 decryption key schedule (equivalent inverse cipher order). */
export function decryptionSchedule(key: Uint8Array): Uint32Array {
  if (key.length !== 32) throw new RangeError("AES-256 takes a 32-byte key");
  for (let i = 0; i < 8; i += 1) enc[i] = wordAt(key, 4 * i);
  let rcon = 1;
  for (let i = 8; i < 60; i += 1) {
    let t = enc[i - 1] as number;
    if (i % 8 === 0 || i % 8 === 4) {
      t =
        ((SBOX[t >>> 24] as number) << 24) ^
        ((SBOX[(t >> 16) & 255] as number) << 16) ^
        ((SBOX[(t >> 8) & 255] as number) << 8) ^
        (SBOX[t & 255] as number);
      if (i % 8 === 0) {
        t = (t << 8) ^ (t >>> 24) ^ (rcon << 24);
        rcon = (rcon << 1) ^ ((rcon >> 7) * 283);
      }
    }
    enc[i] = (enc[i - 8] as number) ^ t;
  }
  // The rounds in reverse, InvMixColumns applied to every round key but the first and last.
  const dec = new Uint32Array(60);
  for (let j = 0, i = 60; i > 0; j += 1, i -= 1) {
    const t = enc[j & 3 ? i : i - 4] as number;
    dec[j] =
      i <= 4 || j < 4
        ? t
        : (DEC0[SBOX[t >>> 24] as number] as number) ^
          (DEC1[SBOX[(t >> 16) & 255] as number] as number) ^
          (DEC2[SBOX[(t >> 8) & 255] as number] as number) ^
          (DEC3[SBOX[t & 255] as number] as number);
  }
  return dec;
}

/** One output word of an inner round: the four T-table lookups of a column and its round key. */
const column = (a: number, b: number, c: number, d: number, roundKey: number): number =>
  (DEC0[a >>> 24] as number) ^
  (DEC1[(b >> 16) & 255] as number) ^
  (DEC2[(c >> 8) & 255] as number) ^
  (DEC3[d & 255] as number) ^
  roundKey;

/**
 * Decrypts one block given as four big-endian words into `out` (four words). The schedule is
 * decryptionSchedule's.
 */
export function decryptBlock(
  key: Uint32Array,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  out: Uint32Array,
): void {
  // The inverse cipher's column order: words 1 and 3 trade places on the way in and out.
  let a = w0 ^ (key[0] as number);
  let b = w3 ^ (key[1] as number);
  let c = w2 ^ (key[2] as number);
  let d = w1 ^ (key[3] as number);
  let k = 4;
  for (let round = 0; round < 13; round += 1) {
    const a2 = column(a, b, c, d, key[k] as number);
    const b2 = column(b, c, d, a, key[k + 1] as number);
    const c2 = column(c, d, a, b, key[k + 2] as number);
    d = column(d, a, b, c, key[k + 3] as number);
    a = a2;
    b = b2;
    c = c2;
    k += 4;
  }
  // The last round has no MixColumns: the inverse S-box alone. Output words 0, 3, 2, 1 in turn.
  for (let i = 0; i < 4; i += 1) {
    out[3 & -i] =
      ((SBOX_INV[a >>> 24] as number) << 24) ^
      ((SBOX_INV[(b >> 16) & 255] as number) << 16) ^
      ((SBOX_INV[(c >> 8) & 255] as number) << 8) ^
      (SBOX_INV[d & 255] as number) ^
      (key[k] as number);
    k += 1;
    const t = a;
    a = b;
    b = c;
    c = d;
    d = t;
  }
}
