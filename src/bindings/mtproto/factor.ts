// pq → p < q for the key exchange (auth_key, step 3), for a pq of at most 64 bits: Shanks's
// square forms factorisation first (its numbers stay below 2^36, so plain doubles do it, well
// under a millisecond), Pollard's rho (Brent's variant, BigInt, ~20 ms) when it finds nothing.
// Both are bounded, so a hostile pq cannot stall the client; one that is not a product of two
// different primes is refused.

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

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

const SQUFOF_MULTIPLIERS = [1, 3, 5, 7, 11, 15, 21, 33, 35, 55, 77, 105, 165, 231, 385, 1155];

/** From the square form found at (p, r): the factor it gives of n, or undefined (a trivial one). */
function reverseCycle(
  n: bigint,
  kn: bigint,
  p0: number,
  p: number,
  r: number,
  bound: number,
): bigint | undefined {
  const b0 = Math.floor((p0 - p) / r);
  let pNow = b0 * r + p;
  let pPrev = pNow;
  let qPrev = r;
  const qBig = (kn - BigInt(pNow) * BigInt(pNow)) / BigInt(r);
  if (qBig <= 0n || qBig > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  let q = Number(qBig);
  for (let j = 0; j < bound; j += 1) {
    const b = Math.floor((p0 + pNow) / q);
    pPrev = pNow;
    pNow = b * q - pNow;
    const saved = q;
    q = qPrev + b * (pPrev - pNow);
    qPrev = saved;
    if (pNow === pPrev) break;
  }
  const f = gcd(n, BigInt(qPrev));
  return f !== 1n && f !== n ? f : undefined;
}

/** A factor of n (odd, not a square, < 2^64) by SQUFOF, or undefined. */
function squfof(n: bigint): bigint | undefined {
  const bound = 3 * 2 * Math.ceil(Math.sqrt(2 * Math.sqrt(Number(n))));
  for (const k of SQUFOF_MULTIPLIERS) {
    const kn = BigInt(k) * n;
    const p0Big = isqrt(kn);
    const p0 = Number(p0Big);
    const q1 = Number(kn - p0Big * p0Big);
    if (q1 === 0) continue;
    let pPrev = p0;
    let p = p0;
    let qPrev = 1;
    let q = q1;
    // Every square form met on the way is tried: one that gives a trivial factor does not end
    // the search with this multiplier.
    for (let i = 2; i < bound; i += 1) {
      const b = Math.floor((p0 + p) / q);
      p = b * q - p;
      const saved = q;
      q = qPrev + b * (pPrev - p);
      qPrev = saved;
      pPrev = p;
      if ((i & 1) !== 0) continue;
      const r = Math.round(Math.sqrt(q));
      if (r * r !== q) continue;
      const f = reverseCycle(n, kn, p0, p, r, bound);
      if (f !== undefined) return f;
    }
  }
  return undefined;
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
  const root = isqrt(pq);
  if (root * root === pq) return `pq = ${pq} is not a product of two different primes`;
  const fast = pq % 2n === 0n ? 2n : squfof(pq);
  for (let c = 0n; c < 6n; c += 1n) {
    const f = c === 0n ? fast : rho(pq, c);
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
