// access_hash values, derived from a per-process secret so they cannot be guessed. The binding
// lets a server choose their scope: one per (viewer, user) pair, so a hash also proves that this
// viewer was shown that user (the default), or one per user, the same for every viewer.
import { createHmac, randomBytes } from "node:crypto";

export type AccessHashScope = "viewer" | "user";

/**
 * Hashes remembered at most: every User the server renders carries one, so they are asked for
 * far more often than made (measured: an HMAC per rendered User was 1.5 % of a suite run); past
 * this many the memory starts afresh, so a flood of accounts cannot grow it without bound.
 */
const REMEMBERED = 100_000;

export class AccessHashes {
  private readonly secret = randomBytes(32);
  private readonly made = new Map<string, string>();

  constructor(private readonly scope: AccessHashScope = "viewer") {}

  of(viewerId: number, userId: number): string {
    const subject = this.scope === "viewer" ? `${viewerId}:${userId}` : `${userId}`;
    const known = this.made.get(subject);
    if (known !== undefined) return known;
    const digest = createHmac("sha256", this.secret).update(subject).digest();
    const hash = BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
    if (this.made.size >= REMEMBERED) this.made.clear();
    this.made.set(subject, hash);
    return hash;
  }
}
