// The auth keys the server knows, by auth_key_id, bounded: one more than `maxAuthKeys` forgets the
// least recently used. A forgotten (or expired temporary) key answers -404, and its client makes a
// new one. Each key keeps its sessions, bounded too.
import { createHmac, randomBytes } from "node:crypto";
import { sha1 } from "./crypto.ts";

export interface Session {
  /** session_id as the client sent it (8 bytes, hex). */
  id: string;
  /** Content-related messages the server has sent in this session (for seq_no). */
  sent: number;
  /** Client msg_ids seen lately, to drop duplicates; oldest first in `order`. */
  seen: Set<bigint>;
  order: bigint[];
}

export interface AuthKey {
  /** auth_key_id: the lower 64 bits of SHA1(auth_key), its 8 wire bytes as hex. */
  id: string;
  key: Buffer;
  /** The salt of the key exchange (new_nonce ⊕ server_nonce, 8 bytes), valid for the first salt period. */
  firstSalt: Buffer;
  createdAt: number;
  /** For a temporary key (p_q_inner_data_temp…): when it lapses, in ms. */
  expiresAt: number | undefined;
  sessions: Map<string, Session>;
  /** The salts last derived, by period: deriving costs an HMAC, and every message needs one. */
  salts?: Map<number, Buffer>;
}

export const auxHashOf = (key: Buffer) => sha1(key).subarray(0, 8);
export const idOf = (key: Buffer) => sha1(key).subarray(12, 20).toString("hex");

export class AuthKeyStore {
  private readonly keys = new Map<string, AuthKey>();
  /** Salts are derived from this and the key id: nothing per key to store or rotate. */
  private readonly saltSecret = randomBytes(32);

  constructor(
    private readonly maxAuthKeys: number,
    private readonly maxSessionsPerKey: number,
    readonly saltPeriodSeconds: number,
  ) {}

  get size(): number {
    return this.keys.size;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  /** The key, marked as just used; undefined when unknown or lapsed. */
  get(id: string, now = Date.now()): AuthKey | undefined {
    const key = this.keys.get(id);
    if (!key) return undefined;
    if (key.expiresAt !== undefined && key.expiresAt <= now) {
      this.keys.delete(id);
      return undefined;
    }
    this.keys.delete(id);
    this.keys.set(id, key);
    return key;
  }

  add(key: AuthKey): void {
    this.keys.set(key.id, key);
    while (this.keys.size > this.maxAuthKeys) {
      const oldest = this.keys.keys().next().value;
      if (oldest === undefined) break;
      this.keys.delete(oldest);
    }
  }

  /** The session, made if new (`created` says so); the oldest goes past the bound. */
  session(key: AuthKey, id: string): { session: Session; created: boolean } {
    const found = key.sessions.get(id);
    if (found) return { session: found, created: false };
    const session: Session = { id, sent: 0, seen: new Set(), order: [] };
    key.sessions.set(id, session);
    while (key.sessions.size > this.maxSessionsPerKey) {
      const oldest = key.sessions.keys().next().value;
      if (oldest === undefined) break;
      key.sessions.delete(oldest);
    }
    return { session, created: true };
  }

  /** The server salt of a key for salt period n (n = floor(unix time / period)). */
  saltOf(key: AuthKey, period: number): Buffer {
    key.salts ??= new Map();
    const known = key.salts.get(period);
    if (known) return known;
    const salt = createHmac("sha256", this.saltSecret)
      .update(key.id)
      .update(String(period))
      .digest()
      .subarray(0, 8);
    key.salts.set(period, salt);
    // get_future_salts asks for up to 64 periods ahead; periods before the previous one are of no use.
    if (key.salts.size > 80) {
      for (const old of key.salts.keys()) if (old < period - 1) key.salts.delete(old);
    }
    return salt;
  }

  period(nowSeconds: number): number {
    return Math.floor(nowSeconds / this.saltPeriodSeconds);
  }

  /** Whether a client may use this salt now: the current or the previous period's, or the first salt early on. */
  saltValid(key: AuthKey, salt: Buffer, nowSeconds: number): boolean {
    const n = this.period(nowSeconds);
    if (this.saltOf(key, n).equals(salt) || this.saltOf(key, n - 1).equals(salt)) return true;
    return key.firstSalt.equals(salt) && nowSeconds * 1000 - key.createdAt < this.saltPeriodSeconds * 1000;
  }
}
