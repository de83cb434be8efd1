// pq → p < q for the key exchange (auth_key, step 3): Pollard's rho (Brent's variant) over a
// number of at most 64 bits, with a bounded number of steps so a hostile pq cannot stall the
// client; a pq that is not a product of two primes is refused.

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

/** Deterministic Miller-Rabin for n < 2^64 (these bases suffice). */
export function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  const bases = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n];
  for (const p of bases) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s += 1;
  }
  for (const a of bases) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let i = 1; i < s; i += 1) {
      x = (x * x) % n;
      if (x === n - 1n) {
        composite = false;
        break;
      }
    }
    if (composite) return false;
  }
  return true;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b) [a, b] = [b, a % b];
  return a;
};

const MAX_STEPS = 1 << 21;

function rho(n: bigint, c: bigint): bigint | undefined {
  if (n % 2n === 0n) return 2n;
  let y = 2n;
  let r = 1;
  let q = 1n;
  let g = 1n;
  let x = y;
  let ys = y;
  let steps = 0;
  const m = 128;
  while (g === 1n) {
    x = y;
    for (let i = 0; i < r; i += 1) y = (y * y + c) % n;
    let k = 0;
    while (k < r && g === 1n) {
      ys = y;
      for (let i = 0; i < Math.min(m, r - k); i += 1) {
        y = (y * y + c) % n;
        q = (q * (x > y ? x - y : y - x)) % n;
      }
      g = gcd(q, n);
      k += m;
      steps += m;
      if (steps > MAX_STEPS) return undefined;
    }
    r *= 2;
  }
  if (g === n) {
    do {
      ys = (ys * ys + c) % n;
      g = gcd(x > ys ? x - ys : ys - x, n);
    } while (g === 1n);
  }
  return g === n ? undefined : g;
}

/**
 * Factorizations already found, by pq. Servers hand out the same pq to many key exchanges (it is
 * a proof of work, not a secret), so a run that makes hundreds of auth keys factors each value
 * once; a remembered answer is checked again (p · q = pq) before it is used. Bounded, so a server
 * that never repeats itself costs no memory.
 */
const FACTORED = new Map<bigint, { p: bigint; q: bigint }>();
const FACTORED_MAX = 1024;

/** The two prime factors p < q of pq, or a reason it has none. */
export function factorPq(pq: bigint): { p: bigint; q: bigint } | string {
  const known = FACTORED.get(pq);
  if (known && known.p * known.q === pq) return known;
  const found = factorAnew(pq);
  if (typeof found !== "string" && FACTORED.size < FACTORED_MAX) FACTORED.set(pq, found);
  return found;
}

function factorAnew(pq: bigint): { p: bigint; q: bigint } | string {
  if (pq < 6n || pq >= 1n << 64n) return `pq = ${pq} is not a number of 3 to 64 bits`;
  if (isPrime(pq)) return `pq = ${pq} is a prime`;
  for (let c = 1n; c < 6n; c += 1n) {
    const f = rho(pq, c);
    if (f === undefined) continue;
    const [p, q] = f < pq / f ? [f, pq / f] : [pq / f, f];
    if (p === q || !isPrime(p) || !isPrime(q)) return `pq = ${pq} is not a product of two different primes`;
    return { p, q };
  }
  return `pq = ${pq} could not be factored (prime, or too hard)`;
}

/** A non-negative number as big-endian bytes, no leading zero (how pq, p and q travel). */
export function bigEndianBytes(n: bigint): Buffer {
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
}

export function fromBigEndian(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
}
