// msg_id rules (core.telegram.org/mtproto/description): a msg_id is about unix time × 2^32. Server
// ids are ≡ 1 mod 4 for answers and 3 for messages the server starts, strictly increasing; a client
// id must be divisible by 4 and within the time window, or it gets bad_msg_notification 16/17/18.

export class ServerMsgIds {
  private last = 0n;

  next(kind: 1 | 3, nowMs = Date.now()): bigint {
    const seconds = BigInt(Math.floor(nowMs / 1000));
    const fraction = BigInt(Math.floor(((nowMs % 1000) / 1000) * 2 ** 32));
    let id = ((seconds << 32n) | fraction) & ~3n;
    if (id <= this.last) id = (this.last & ~3n) + 4n;
    id |= BigInt(kind);
    this.last = id;
    return id;
  }
}

/** A client msg_id's fault: 16 too old (over 300 s), 17 too far ahead (over 30 s), 18 not divisible by 4. */
export function msgIdFault(msgId: bigint, nowMs = Date.now()): 16 | 17 | 18 | undefined {
  if ((msgId & 3n) !== 0n) return 18;
  const seconds = Number(msgId >> 32n);
  const now = nowMs / 1000;
  if (seconds < now - 300) return 16;
  if (seconds > now + 30) return 17;
  return undefined;
}
