// Message identifiers (core.telegram.org/mtproto/description#message-identifier-msg-id): the
// client's grow and are divisible by 4; the server's are ≡ 1 (answers) or 3 (its own messages)
// mod 4, unique, and near the time the server says it is (the window of the security guidelines:
// no more than 300 s in the past or 30 s in the future).
import { TargetError } from "../../client/errors.ts";

const PAST_SECONDS = 300n;
const FUTURE_SECONDS = 30n;
/** Server msg_ids remembered to refuse a repeat; older ones fall out of the window anyway. */
const REMEMBERED = 4096;

export class MsgIds {
  /** The server's clock minus ours, in seconds (from server_time of the key exchange). */
  offsetSeconds = 0;
  private last = 0n;
  private readonly seen = new Set<bigint>();

  private nowSeconds(): number {
    return Date.now() / 1000 + this.offsetSeconds;
  }

  /** A new client msg_id: about unixtime · 2^32, divisible by 4, greater than the last. */
  next(): bigint {
    const now = this.nowSeconds();
    const seconds = BigInt(Math.floor(now));
    const fraction = BigInt(Math.floor((now % 1) * 2 ** 32)) & ~3n;
    let id = (seconds << 32n) | fraction;
    if (id <= this.last) id = this.last + 4n;
    this.last = id;
    return id;
  }

  /** Throws TARGET_MTPROTO_BAD_MSG_ID unless `id` is a server msg_id this client may accept. */
  checkServer(id: bigint, where: string): void {
    const residue = id & 3n;
    if (residue !== 1n && residue !== 3n)
      throw new TargetError(
        "TARGET_MTPROTO_BAD_MSG_ID",
        `${where}: server msg_id ${id} is ≡ ${residue} mod 4, not 1 or 3`,
      );
    const seconds = id >> 32n;
    const now = BigInt(Math.floor(this.nowSeconds()));
    if (seconds < now - PAST_SECONDS || seconds > now + FUTURE_SECONDS)
      throw new TargetError(
        "TARGET_MTPROTO_BAD_MSG_ID",
        `${where}: server msg_id ${id} is ${seconds - now} s from the server's time (allowed −${PAST_SECONDS}…+${FUTURE_SECONDS} s)`,
      );
    if (this.seen.has(id))
      throw new TargetError("TARGET_MTPROTO_BAD_MSG_ID", `${where}: server msg_id ${id} came twice`);
    this.seen.add(id);
    if (this.seen.size > REMEMBERED) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
