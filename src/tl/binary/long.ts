// TL longs on the JSON side are decimal strings (docs/binding.md). Most longs met on the wire fit in
// 53 bits, so number arithmetic does those and BigInt only the rest.
import { isTlLong } from "../primitive_schemas.ts";

const TWO_32 = 4294967296;
// A high word in [-2^21, 2^21) keeps hi * 2^32 + lo within the exactly representable integers.
const SAFE_HIGH = 2097152;

/** The decimal form of the long whose low word is `lo` (unsigned) and high word `hi` (signed). */
export function longToDecimal(lo: number, hi: number): string {
  if (hi >= -SAFE_HIGH && hi < SAFE_HIGH) return String(hi * TWO_32 + lo);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** Low (unsigned) and high (signed) words of a TL long, or undefined when `value` is not one. */
export function decimalToLongWords(value: string, out: { lo: number; hi: number }): boolean {
  if (!isTlLong(value)) return false;
  const digits = value.charCodeAt(0) === 45 /* - */ ? value.length - 1 : value.length;
  if (digits <= 15) {
    // Below 10^15 < 2^53: exact as a number.
    const n = Number(value);
    const hi = Math.floor(n / TWO_32);
    out.hi = hi;
    out.lo = n - hi * TWO_32;
    return true;
  }
  const bits = BigInt.asUintN(64, BigInt(value));
  out.lo = Number(bits & 0xffffffffn);
  out.hi = Number(BigInt.asIntN(32, bits >> 32n));
  return true;
}
