// Diffie–Hellman over the 2048-bit safe prime of the docs (core.telegram.org/mtproto/auth_key,
// samples-auth_key), g = 3, with node:crypto's native modular exponentiation. The DiffieHellman
// object is made once per process: making it checks the prime, which costs about half a second.
// The server's secret exponent a has 256 random bits, not 2048: the security of a 2048-bit group
// is about 112 bits, which a 256-bit exponent keeps, and it makes each exponentiation several
// times cheaper (docs/performance.md has the cost per key).
import { createDiffieHellman, type DiffieHellman, randomBytes } from "node:crypto";

export const DH_PRIME_HEX =
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4db" +
  "fa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64" +
  "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b41" +
  "0dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4" +
  "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf" +
  "6f4fadf034b10403119cd8e3b92fcc5b";
export const DH_PRIME = Buffer.from(DH_PRIME_HEX, "hex");
export const DH_G = 3;

const PRIME = BigInt(`0x${DH_PRIME_HEX}`);
const SAFETY = 1n << (2048n - 64n);

let shared: DiffieHellman | undefined;
function group(): DiffieHellman {
  shared ??= createDiffieHellman(DH_PRIME, DH_G);
  return shared;
}

/** Makes the group now rather than on the first key (its prime check is slow). */
export function warmUpDh(): void {
  group();
}

const toBig = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);

/** 1 < x < p − 1 and 2^(2048−64) < x < p − 2^(2048−64), as the security guidelines ask of g_a and g_b. */
export function inSafeRange(value: Uint8Array): boolean {
  if (value.length > 256) return false;
  const x = toBig(value);
  return x > SAFETY && x < PRIME - SAFETY;
}

const pad256 = (bytes: Buffer) =>
  bytes.length >= 256 ? bytes : Buffer.concat([Buffer.alloc(256 - bytes.length), bytes]);

/** A fresh secret a and g^a mod p (in the safe range, as 256 big-endian bytes). */
export function serverExponent(): { a: Buffer; gA: Buffer } {
  const dh = group();
  for (;;) {
    const a = randomBytes(32);
    dh.setPrivateKey(a);
    const gA = pad256(dh.generateKeys());
    if (inSafeRange(gA)) return { a, gA };
  }
}

/** g_b^a mod p: the auth key, 256 bytes. */
export function sharedKey(a: Buffer, gB: Uint8Array): Buffer {
  const dh = group();
  dh.setPrivateKey(a);
  return pad256(dh.computeSecret(gB));
}
