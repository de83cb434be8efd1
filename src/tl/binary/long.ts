// TL longs on the JSON side are decimal strings (docs/binding.md). Most longs met on the wire fit in
// 53 bits, so number arithmetic does those and BigInt only the rest.
import { isTlLong } from "../primitive_schemas.ts";

const TWO_32 = 4294967296;
// A high word in [-2^21, 2^21) keeps hi * 2^32 + lo within the exactly representable integers.
const SAFE_HIGH = 2097152;

/** The decimal form of the long whose low word is `lo` (unsigned) and high word `hi` (signed),
 * or undefined when it needs more than 53 bits (the caller then reads it as a BigInt). */
export function smallLongToDecimal(lo: number, hi: number): string | undefined {
  return hi >= -SAFE_HIGH && hi < SAFE_HIGH ? String(hi * TWO_32 + lo) : undefined;
}

/**
 * Low (unsigned) and high (signed) words of a TL long of up to 15 digits into `out`: "words";
 * "invalid" when `value` is not a TL long; "big" for a valid-looking longer one, which the caller
 * parses with bigLong().
 */
export function smallLongWords(value: string, out: { lo: number; hi: number }): "words" | "invalid" | "big" {
  const length = value.length;
  const first = value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const digits = length - first;
  if (digits > 15) return "big";
  if (digits === 0) return "invalid";
  // Below 10^15 < 2^53: parsed and checked in one pass, exact as a number.
  let n = 0;
  for (let i = first; i < length; i += 1) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return "invalid";
    n = n * 10 + d;
  }
  // No leading zeros, no "-0": one decimal form per long (as isTlLong says).
  if (digits > 1 && value.charCodeAt(first) === 48) return "invalid";
  if (first === 1 && n === 0) return "invalid";
  const signed = first === 1 ? -n : n;
  const hi = Math.floor(signed / TWO_32);
  out.hi = hi;
  out.lo = signed - hi * TWO_32;
  return "words";
}

/** A long of 16 to 19 digits as a BigInt, or undefined when it is not a TL long. */
export function bigLong(value: string): bigint | undefined {
  return isTlLong(value) ? BigInt(value) : undefined;
}
