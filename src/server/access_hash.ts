// access_hash values, derived from a per-process secret so they cannot be guessed. The binding
// lets a server choose their scope: one per (viewer, user) pair, so a hash also proves that this
// viewer was shown that user (the default), or one per user, the same for every viewer.
import { createHmac, randomBytes } from "node:crypto";

export type AccessHashScope = "viewer" | "user";

export class AccessHashes {
  private readonly secret = randomBytes(32);

  constructor(private readonly scope: AccessHashScope = "viewer") {}

  of(viewerId: number, userId: number): string {
    const subject = this.scope === "viewer" ? `${viewerId}:${userId}` : `${userId}`;
    const digest = createHmac("sha256", this.secret).update(subject).digest();
    return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
  }
}
