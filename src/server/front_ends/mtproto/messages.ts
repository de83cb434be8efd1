// One decrypted message, checked and handled (core.telegram.org/mtproto/service_messages and
// service_messages_about_messages): msg_id and seq_no checks answer bad_msg_notification, a salt
// that is not valid answers bad_server_salt, a duplicate is dropped; msg_container's messages are
// each handled on their own, gzip_packed is inflated (bounded); ping, ping_delay_disconnect,
// get_future_salts, destroy_session, rpc_drop_answer and msgs_ack are served here, everything else
// is an API call (api_call.ts).
import { randomBytes } from "node:crypto";
import { unzipSync } from "node:zlib";
import { TlReader } from "../../../tl/index.ts";
import { RpcError } from "../../rpc_error.ts";
import type { TlObject } from "../../tl_values.ts";
import { answerCall, encodeObject, errorResult } from "./api_call.ts";
import type { AuthKey, Session } from "./auth_keys.ts";
import type { Connection } from "./connection.ts";
import type { FrontEnd } from "./front_end.ts";
import { msgIdFault } from "./msg_ids.ts";

export interface MessageContext {
  front: FrontEnd;
  connection: Connection;
  key: AuthKey;
  salt: Buffer;
  sessionId: string;
  /** Encrypts and sends a body in this session; kind 1 answers, 3 server-initiated. */
  send(body: Uint8Array, kind: 1 | 3): bigint;
}

const ID = {
  msg_container: 0x73f1f8dc,
  gzip_packed: 0x3072cfa1,
  msgs_ack: 0x62d6b459,
  ping: 0x7abe77ec,
  ping_delay_disconnect: 0xf3427b8c,
  get_future_salts: 0xb921bd04,
  destroy_session: 0xe7512126,
  rpc_drop_answer: 0x58e4a740,
  msg_resend_req: 0x7d861a08,
  msgs_state_req: 0xda69fb52,
} as const;
const SERVICE_IDS = new Set<number>(Object.values(ID));
/** Client msg_ids remembered per session to drop duplicates; older ones are "too old" (20). */
const SEEN_WINDOW = 1024;
const MAX_CONTAINER_MESSAGES = 1024;
const MAX_FUTURE_SALTS = 64;

const long = (value: bigint) => value.toString();
const saltLong = (salt: Buffer) => salt.readBigInt64LE(0).toString();

function badMsg(context: MessageContext, msgId: bigint, seqNo: number, code: number): void {
  const body = encodeObject({
    _: "bad_msg_notification",
    bad_msg_id: long(msgId),
    bad_msg_seqno: seqNo,
    error_code: code,
  });
  context.send(body, 1);
}

/** 34: an even seq_no where an odd one was due is 35; an odd one on a non-content message is 34. */
function seqNoFault(id: number | undefined, seqNo: number): 34 | 35 | undefined {
  // An acknowledgment is taken with either parity, as Telegram's servers take it: mtcute (0.30)
  // numbers its msgs_ack as content-related, and a 34 makes it reset its session on every flush.
  if (id === ID.msgs_ack) return undefined;
  const contentRelated = id !== ID.msg_container && id !== ID.msgs_ack;
  const odd = (seqNo & 1) === 1;
  if (contentRelated && !odd) return 35;
  if (!contentRelated && odd) return 34;
  return undefined;
}

/** The msg_id and seq_no checks, then duplicates; true when the message is to be handled. */
function admit(
  context: MessageContext,
  session: Session & { floor?: bigint },
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
): boolean {
  const id = body.length >= 4 ? Buffer.from(body.buffer, body.byteOffset, 4).readUInt32LE(0) : undefined;
  const fault = msgIdFault(msgId) ?? seqNoFault(id, seqNo);
  if (fault !== undefined) {
    badMsg(context, msgId, seqNo, fault);
    return false;
  }
  if (session.seen.has(msgId)) return false;
  if (session.floor !== undefined && msgId <= session.floor) {
    badMsg(context, msgId, seqNo, 20);
    return false;
  }
  return true;
}

function remember(session: Session & { floor?: bigint }, msgId: bigint): void {
  session.seen.add(msgId);
  session.order.push(msgId);
  if (session.order.length > SEEN_WINDOW) {
    const oldest = session.order.shift() as bigint;
    session.seen.delete(oldest);
    if (session.floor === undefined || oldest > session.floor) session.floor = oldest;
  }
}

/** The outer message of a frame. */
export function handleMessage(context: MessageContext, msgId: bigint, seqNo: number, body: Uint8Array): void {
  const { front, key } = context;
  const { session, created } = front.keys.session(key, context.sessionId);
  if (created) {
    const salt = front.currentSalt(key);
    const notice = encodeObject({
      _: "new_session_created",
      first_msg_id: long(msgId),
      unique_id: randomBytes(8).readBigInt64LE(0).toString(),
      server_salt: saltLong(salt),
    });
    context.send(notice, 3);
  }
  if (!admit(context, session, msgId, seqNo, body)) return;
  if (!front.keys.saltValid(key, context.salt, Date.now() / 1000)) {
    const body2 = encodeObject({
      _: "bad_server_salt",
      bad_msg_id: long(msgId),
      bad_msg_seqno: seqNo,
      error_code: 48,
      new_server_salt: saltLong(front.currentSalt(key)),
    });
    context.send(body2, 1);
    return;
  }
  remember(session, msgId);
  handleBody(context, session, msgId, seqNo, body, 0);
}

function handleContainer(
  context: MessageContext,
  session: Session,
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
): void {
  const reader = new TlReader(body);
  const inner: { msgId: bigint; seqNo: number; body: Uint8Array }[] = [];
  try {
    reader.uint32();
    const count = reader.int32();
    if (count < 0 || count > MAX_CONTAINER_MESSAGES || count * 16 > reader.remaining())
      throw new RangeError("count");
    for (let i = 0; i < count; i += 1) {
      const at = reader.offset;
      reader.long();
      const innerId = reader.buffer.readBigInt64LE(at);
      const innerSeq = reader.int32();
      const bytes = reader.int32();
      if (bytes < 4 || bytes % 4 !== 0 || bytes > reader.remaining()) throw new RangeError("bytes");
      const start = reader.offset;
      reader.offset += bytes;
      inner.push({ msgId: innerId, seqNo: innerSeq, body: reader.buffer.subarray(start, start + bytes) });
    }
    reader.expectEnd();
  } catch {
    badMsg(context, msgId, seqNo, 64);
    return;
  }
  for (const message of inner) {
    if (message.msgId === msgId || !admit(context, session, message.msgId, message.seqNo, message.body))
      continue;
    const first = message.body.length >= 4 ? Buffer.from(message.body).readUInt32LE(0) : 0;
    if (first === ID.msg_container) {
      badMsg(context, message.msgId, message.seqNo, 64);
      continue;
    }
    remember(session, message.msgId);
    handleBody(context, session, message.msgId, message.seqNo, message.body, 1);
  }
}

function handleBody(
  context: MessageContext,
  session: Session,
  msgId: bigint,
  seqNo: number,
  body: Uint8Array,
  depth: number,
): void {
  const id = body.length >= 4 ? Buffer.from(body.buffer, body.byteOffset, 4).readUInt32LE(0) : undefined;
  if (id === ID.msg_container && depth === 0) {
    handleContainer(context, session, msgId, seqNo, body);
    return;
  }
  if (id === ID.gzip_packed && depth < 2) {
    let inflated: Buffer;
    try {
      const packed = new TlReader(body.subarray(4));
      const data = packed.bytes();
      packed.expectEnd();
      // unzip, not gunzip: it takes a zlib stream as well as gzip. mtcute (0.30) packs with
      // deflate's zlib format, and Telegram's servers inflate that too.
      inflated = unzipSync(data, { maxOutputLength: context.front.options.maxInflateBytes });
    } catch {
      const fault = new RpcError(
        400,
        "INPUT_REQUEST_INVALID",
        "gzip_packed that does not inflate within the limit",
      );
      context.send(errorResult(msgId, fault), 1);
      return;
    }
    handleBody(context, session, msgId, seqNo, inflated, depth + 1);
    return;
  }
  if (id !== undefined && SERVICE_IDS.has(id) && id !== ID.msg_container && id !== ID.gzip_packed) {
    handleService(context, msgId, body);
    return;
  }
  const started = performance.now();
  const answer = answerCall(context.front.state, context.key.id, msgId, body);
  context.send(answer.body, 1);
  const { method, layer, status, internal } = answer.outcome;
  if (internal) context.front.internalError(`${method}: ${internal}`);
  context.front.options.onRequest?.(
    `mtproto ${method} L${layer} → ${status} ${(performance.now() - started).toFixed(1)} ms`,
  );
}

function handleService(context: MessageContext, msgId: bigint, body: Uint8Array): void {
  let message: TlObject;
  try {
    message = context.front.codec.decode("Object", body) as TlObject;
  } catch {
    context.send(
      errorResult(msgId, new RpcError(400, "INPUT_REQUEST_INVALID", "a malformed service message")),
      1,
    );
    return;
  }
  const { front, key } = context;
  switch (message._) {
    case "ping":
    case "ping_delay_disconnect": {
      context.send(encodeObject({ _: "pong", msg_id: long(msgId), ping_id: String(message.ping_id) }), 1);
      const connection = context.connection;
      clearTimeout(connection.disconnectTimer);
      if (message._ === "ping_delay_disconnect") {
        const delay = Math.max(0, Math.min(Number(message.disconnect_delay), 3600));
        connection.disconnectTimer = setTimeout(() => connection.closeGently(), delay * 1000);
        connection.disconnectTimer.unref();
      }
      return;
    }
    case "get_future_salts": {
      const num = Math.max(1, Math.min(Number(message.num), MAX_FUTURE_SALTS));
      const period = front.keys.saltPeriodSeconds;
      const now = Math.floor(Date.now() / 1000);
      const first = front.keys.period(now);
      const salts = Array.from({ length: num }, (_, i) => ({
        _: "future_salt",
        valid_since: (first + i) * period,
        // A salt stays valid through the next period too (auth_keys.ts), which the list says.
        valid_until: (first + i + 2) * period,
        salt: saltLong(front.keys.saltOf(key, first + i)),
      }));
      context.send(encodeObject({ _: "future_salts", req_msg_id: long(msgId), now, salts }), 1);
      return;
    }
    case "destroy_session": {
      const target = Buffer.alloc(8);
      target.writeBigInt64LE(BigInt(String(message.session_id)));
      const existed =
        target.toString("hex") !== context.sessionId && key.sessions.delete(target.toString("hex"));
      const result = {
        _: existed ? "destroy_session_ok" : "destroy_session_none",
        session_id: String(message.session_id),
      };
      context.send(rpcResultOf(msgId, encodeObject(result)), 1);
      return;
    }
    case "rpc_drop_answer":
      // Every call is answered before the next message is read: there is never one to drop.
      context.send(rpcResultOf(msgId, encodeObject({ _: "rpc_answer_unknown" })), 1);
      return;
    default:
      // msgs_ack, msg_resend_req, msgs_state_req: nothing is kept to resend or report on.
      return;
  }
}

function rpcResultOf(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(12 + result.length);
  out.writeUInt32LE(0xf35c6d01, 0);
  out.writeBigInt64LE(reqMsgId, 4);
  out.set(result, 12);
  return out;
}
