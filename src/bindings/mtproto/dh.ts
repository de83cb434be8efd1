// The Diffie-Hellman half of the key exchange and every check the security guidelines ask of it
// (core.telegram.org/mtproto/security_guidelines): dh_prime is the known safe 2048-bit prime,
// g in 2..7 with its quadratic-residue condition, 1 < g_a, g_b < p − 1 and both at least 2^(2048−64)
// away from 0 and p. Exponentiation is node:crypto's native DiffieHellman (a BigInt modPow of 2048
// bits costs ~15 ms; native well under 1 ms). BigInt only compares and reduces by small numbers.
import { createDiffieHellman, type DiffieHellman, randomBytes } from "node:crypto";

/** The 2048-bit safe prime of the docs (auth_key, security_guidelines), big-endian hex. */
export const KNOWN_DH_PRIME_HEX =
  "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f" +
  "48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37" +
  "20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64" +
  "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4" +
  "a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754" +
  "fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4" +
  "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f" +
  "0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b";

const KNOWN_PRIME = BigInt(`0x${KNOWN_DH_PRIME_HEX}`);
const KNOWN_PRIME_BYTES = Buffer.from(KNOWN_DH_PRIME_HEX, "hex");
const MARGIN = 1n << (2048n - 64n);

const toBig = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);

/**
 * Why g does not generate the subgroup of order (p−1)/2 of this p, or undefined when it does:
 * the residue conditions of the auth_key page, step 6.
 */
export function generatorProblem(g: number, p: bigint): string | undefined {
  if (!Number.isInteger(g) || g < 2 || g > 7) return `g = ${g} is not in 2..7`;
  const ok: Record<number, () => boolean> = {
    2: () => p % 8n === 7n,
    3: () => p % 3n === 2n,
    4: () => true,
    5: () => [1n, 4n].includes(p % 5n),
    6: () => [19n, 23n].includes(p % 24n),
    7: () => [3n, 5n, 6n].includes(p % 7n),
  };
  return ok[g]?.() ? undefined : `g = ${g} fails its residue condition for dh_prime`;
}

/** Why a public value (g_a or g_b) is unsafe for p, or undefined. */
export function publicValueProblem(name: string, value: bigint, p: bigint): string | undefined {
  if (value <= 1n || value >= p - 1n) return `${name} is not in 1 < ${name} < dh_prime − 1`;
  if (value <= MARGIN || value >= p - MARGIN)
    return `${name} is within 2^(2048−64) of 0 or dh_prime (2^(2048−64) < ${name} < dh_prime − 2^(2048−64))`;
  return undefined;
}

/** Every check of the server's DH parameters; the first that fails, or undefined. */
export function serverDhProblem(dhPrime: Uint8Array, g: number, gA: Uint8Array): string | undefined {
  const p = toBig(dhPrime);
  if (dhPrime.length !== 256 || p !== KNOWN_PRIME)
    return `dh_prime (${dhPrime.length} bytes, ${Buffer.from(dhPrime).subarray(0, 8).toString("hex")}…) is not the known safe 2048-bit prime`;
  return generatorProblem(g, p) ?? publicValueProblem("g_a", toBig(gA), p);
}

export interface ClientDh {
  /** g^b mod p, 256 bytes big-endian. */
  gB: Buffer;
  /** The auth key: g_a^b mod p, 256 bytes. */
  authKey: Buffer;
}

// Making a DiffieHellman object checks its prime (~0.5 s for 2048 bits); only the known prime
// gets here, so one object per g serves every exchange (each sets its own private key, and
// reads everything it needs before it returns).
const byGenerator = new Map<number, DiffieHellman>();

export function nativeDh(prime: Uint8Array, g: number): DiffieHellman {
  const key = Buffer.from(prime).equals(KNOWN_PRIME_BYTES) ? g : undefined;
  if (key === undefined) return createDiffieHellman(Buffer.from(prime), Buffer.from([g]));
  let dh = byGenerator.get(key);
  if (!dh) {
    dh = createDiffieHellman(KNOWN_PRIME_BYTES, Buffer.from([g]));
    byGenerator.set(key, dh);
  }
  return dh;
}

/**
 * Bits of the secret exponent b. The docs draw b as 2048 random bits; a 2048-bit group gives
 * about 112 bits of security, which a 256-bit exponent keeps, and the two exponentiations per key
 * then cost a fraction (a run makes an auth key per account). Nothing the server can check
 * changes: g_b is still checked against the same range as g_a before it is sent.
 */
const SECRET_BYTES = 32;

/** b, g_b and the shared key, redrawn until g_b passes the same checks as g_a. */
export function clientDh(dhPrime: Uint8Array, g: number, gA: Uint8Array): ClientDh {
  const p = toBig(dhPrime);
  const dh = nativeDh(dhPrime, g);
  for (let attempt = 0; attempt < 16; attempt += 1) {
    dh.setPrivateKey(randomBytes(SECRET_BYTES));
    const gB = dh.generateKeys();
    if (publicValueProblem("g_b", toBig(gB), p)) continue;
    return { gB: pad256(gB), authKey: pad256(dh.computeSecret(Buffer.from(gA))) };
  }
  throw new Error("no safe g_b in 16 draws");
}

function pad256(bytes: Buffer): Buffer {
  return bytes.length >= 256 ? bytes : Buffer.concat([Buffer.alloc(256 - bytes.length), bytes]);
}
