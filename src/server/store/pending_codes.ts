// Sign-in codes under way. A phone_code_hash belongs to the phone and the key that asked for it,
// is used up by the sign-in it allows and lapses after its lifetime, so a sign-in cannot be
// replayed. Each key has its own pending code: another key asking for the same phone's code
// does not cancel the owner's. At most `perPhone` keys wait on one phone (more are refused, so
// that others cannot push the owner's code out), and at most `total` codes wait in all (past that
// the oldest lapses early: the store stays bounded whatever keys ask).
import { randomBytes } from "node:crypto";
import { Arrivals } from "./arrivals.ts";

export interface PendingCode {
  hash: string;
  phone: string;
  key: string | undefined;
  expiresAt: number;
}

export interface CodeLimits {
  lifetimeMs: number;
  perPhone: number;
  total: number;
}

export type CodeCheck = "ok" | "expired" | "invalid";

export class PendingCodes {
  /** By hash, in the order they were issued: the first one lapses first. */
  private readonly byHash = new Arrivals<string, PendingCode>();
  private readonly byPhone = new Map<string, PendingCode[]>();

  constructor(private readonly limits: CodeLimits) {}

  get size(): number {
    return this.byHash.size;
  }

  /** A new code for (phone, key), replacing that key's earlier one; or the seconds to wait. */
  issue(phone: string, key: string | undefined, now = Date.now()): PendingCode | { waitS: number } {
    this.lapse(now);
    const pending = this.byPhone.get(phone) ?? [];
    const others = pending.filter((code) => code.key !== key);
    const first = others[0];
    if (first && others.length >= this.limits.perPhone) {
      return { waitS: Math.max(1, Math.ceil((first.expiresAt - now) / 1000)) };
    }
    const earlier = pending.find((code) => code.key === key);
    if (earlier) this.remove(earlier);
    const code = {
      hash: randomBytes(8).toString("hex"),
      phone,
      key,
      expiresAt: now + this.limits.lifetimeMs,
    };
    this.byHash.add(code.hash, code);
    this.byPhone.set(phone, [...others, code]);
    const oldest = this.byHash.oldest();
    if (oldest && this.byHash.size > this.limits.total) this.remove(oldest[1]);
    return code;
  }

  /** Whether `hash` is a pending code of (phone, key); "expired" when it is pending for nobody. */
  check(hash: unknown, phone: string, key: string | undefined, now = Date.now()): CodeCheck {
    const code = typeof hash === "string" ? this.byHash.get(hash) : undefined;
    if (!code || code.expiresAt <= now) return "expired";
    return code.phone === phone && code.key === key ? "ok" : "invalid";
  }

  /** Uses a code up. */
  take(hash: string): void {
    const code = this.byHash.get(hash);
    if (code) this.remove(code);
  }

  private lapse(now: number): void {
    for (
      let oldest = this.byHash.oldest();
      oldest && oldest[1].expiresAt <= now;
      oldest = this.byHash.oldest()
    ) {
      this.remove(oldest[1]);
    }
  }

  private remove(code: PendingCode): void {
    this.byHash.delete(code.hash);
    const rest = (this.byPhone.get(code.phone) ?? []).filter((other) => other !== code);
    if (rest.length > 0) this.byPhone.set(code.phone, rest);
    else this.byPhone.delete(code.phone);
  }
}
