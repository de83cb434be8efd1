// access_hash values: one per (viewer, user) pair, derived from a per-process secret, so a hash
// proves the viewer was shown that user and cannot be guessed or reused by another viewer.
import { createHmac, randomBytes } from "node:crypto";

export class AccessHashes {
  private readonly secret = randomBytes(32);

  of(viewerId: number, userId: number): string {
    const digest = createHmac("sha256", this.secret).update(`${viewerId}:${userId}`).digest();
    return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
  }
}
