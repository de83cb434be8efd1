// One MTProto session of the harness's strict client: a connection, an auth key (made on the
// first call when none is given), a session_id, the server salt, and the requests in flight.
// What the server sends is read with every check of core.telegram.org/mtproto/description and
// service_messages: a violation is a TargetError with its own code that fails the requests in
// flight and drops the connection (the next call opens a new one, with a new session_id, on the
// same auth key). Nothing is retried but what the protocol says: one resend after bad_server_salt.
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { HarnessError, TargetError } from "../../client/errors.ts";
import { layerCodec, TlCodecError, type TlObject, TlReader } from "../../tl/index.ts";
import { hexOf, MtprotoConnection } from "./connection.ts";
import { authKeyIdOf, type RsaPublicKey } from "./crypto.ts";
import {
  decryptMessage,
  encryptMessage,
  plainMessage,
  readPlainMessage,
  type SessionKeys,
} from "./envelope.ts";
import { createAuthKey } from "./handshake.ts";
import { MsgIds } from "./msg_id.ts";
import type { TransportName } from "./transport.ts";

export interface MtprotoTarget {
  host: string;
  port: number;
  transport: TransportName;
  rsaKey: RsaPublicKey;
  timeoutMs: number;
}

/** The auth key another session may go on with, and the salt it last had. */
export interface AuthKeyCredential {
  authKey: Buffer;
  salt: Buffer;
}

/** The wire record of one call: what the transcript keeps beside the decoded answer. */
export interface WireRecord {
  msgId: string;
  seqNo: number;
  /** Bytes of the encrypted request frame(s), and of every frame received while it was in flight. */
  sentBytes: number;
  receivedBytes: number;
  /** The service messages and updates that arrived while the call was in flight, in order. */
  service: string[];
  /** True when it was sent again after bad_server_salt. */
  resent: boolean;
}

export interface Received {
  result: unknown;
  rpcError?: { code: number; message: string };
  record: WireRecord;
}

/** The largest inflated gzip_packed (a hostile one cannot grow memory past it). */
export const MAX_INFLATED = 4 * 1024 * 1024;

const codec = layerCodec(1);
const MSG_CONTAINER = 0x73f1f8dc;
/** How long received messages wait for their ack, and how many may wait. */
const ACK_DELAY_MS = 20;
const ACK_BATCH = 16;

interface Pending {
  call: TlObject;
  body: Uint8Array;
  record: WireRecord;
  resolve(received: Received): void;
  reject(error: Error): void;
}

const longBytes = (decimal: unknown): Buffer => {
  const out = Buffer.alloc(8);
  out.writeBigInt64LE(BigInt(String(decimal)));
  return out;
};

function badMessage(what: string, error: unknown, bytes: Uint8Array): TargetError {
  const detail = error instanceof Error ? error.message : String(error);
  return new TargetError("TARGET_MTPROTO_BAD_MESSAGE", `${what}: ${detail}: ${hexOf(bytes)}`);
}

function inflate(packed: Uint8Array, what: string): Buffer {
  try {
    return gunzipSync(packed, { maxOutputLength: MAX_INFLATED });
  } catch (error) {
    throw badMessage(`${what}: gzip_packed does not inflate (within ${MAX_INFLATED} bytes)`, error, packed);
  }
}

/** Names of bad_msg_notification codes (service_messages_about_messages). */
const BAD_MSG_CODES: Record<number, string> = {
  16: "msg_id too low",
  17: "msg_id too high",
  18: "msg_id not divisible by 4",
  19: "container msg_id repeats an earlier one",
  20: "message too old",
  32: "msg_seqno too low",
  33: "msg_seqno too high",
  34: "an even msg_seqno for a content message",
  35: "an odd msg_seqno for a non-content message",
  48: "incorrect server salt",
  64: "invalid container",
};

export class MtprotoSession {
  private connection: MtprotoConnection | undefined;
  private opening: Promise<MtprotoConnection> | undefined;
  /** The connection being opened (its key exchange under way), closed with the session. */
  private handshaking: MtprotoConnection | undefined;
  private keys: SessionKeys | undefined;
  private salt: Buffer;
  private readonly msgIds = new MsgIds();
  private contentSent = 0;
  private readonly pending = new Map<bigint, Pending>();
  /** Content messages received and not yet acked (queueAcks). */
  private unacked: string[] = [];
  private ackTimer: NodeJS.Timeout | undefined;
  private plainWaiter: { resolve(body: Buffer): void; reject(error: Error): void } | undefined;
  /** Updates the server pushed (acked), for the caller to look at. */
  readonly pushed: unknown[] = [];

  constructor(
    private readonly target: MtprotoTarget,
    credential?: AuthKeyCredential,
  ) {
    this.salt = credential?.salt ?? Buffer.alloc(8);
    if (credential) this.keys = this.keysFor(credential.authKey);
  }

  /** The auth key and salt, once there is a key (after the first call). */
  get credential(): AuthKeyCredential | undefined {
    return this.keys ? { authKey: this.keys.authKey, salt: this.salt } : undefined;
  }

  private keysFor(authKey: Buffer): SessionKeys {
    return { authKey, authKeyId: authKeyIdOf(authKey), sessionId: randomBytes(8) };
  }

  /**
   * Sends a (wrapped) call and waits for its rpc_result, all within the target's timeout. `body`
   * replaces the call's bytes when a step wrote them itself (the call then only types the answer).
   */
  async invoke(call: TlObject, abortSignal?: AbortSignal, written?: Uint8Array): Promise<Received> {
    const deadline = performance.now() + this.target.timeoutMs;
    const left = () => Math.max(1, deadline - performance.now());
    const body = written ?? codec.encodeCall(call);
    const connection = await this.withTimeout(this.ready(left), left(), "the connection and the auth key");
    return await new Promise<Received>((resolve, reject) => {
      const record: WireRecord = {
        msgId: "",
        seqNo: 0,
        sentBytes: 0,
        receivedBytes: 0,
        service: [],
        resent: false,
      };
      let timer: NodeJS.Timeout | undefined;
      const settle = (): void => {
        clearTimeout(timer);
        abortSignal?.removeEventListener("abort", onAbort);
        this.pending.delete(BigInt(record.msgId));
      };
      const onAbort = (): void => {
        settle();
        reject(new HarnessError("HARNESS_ABORTED", "the request was abandoned when its scenario ended"));
      };
      const entry: Pending = {
        call,
        body,
        record,
        resolve: (received) => {
          settle();
          resolve(received);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      timer = setTimeout(() => {
        settle();
        reject(
          new TargetError(
            "TARGET_TIMEOUT",
            `no rpc_result for msg_id ${record.msgId} in ${this.target.timeoutMs} ms`,
          ),
        );
      }, left());
      abortSignal?.addEventListener("abort", onAbort, { once: true });
      try {
        this.send(connection, entry);
      } catch (error) {
        entry.reject(error as Error);
      }
    });
  }

  close(): void {
    this.flushAcks(this.connection);
    this.connection?.close();
    this.connection = undefined;
    this.handshaking?.close();
    this.handshaking = undefined;
  }

  private send(connection: MtprotoConnection, entry: Pending): void {
    const keys = this.keys as SessionKeys;
    const msgId = this.msgIds.next();
    const seqNo = 2 * this.contentSent + 1;
    this.contentSent += 1;
    const frame = encryptMessage(keys, this.salt, msgId, seqNo, entry.body);
    if (entry.record.msgId) this.pending.delete(BigInt(entry.record.msgId));
    entry.record.msgId = msgId.toString();
    entry.record.seqNo = seqNo;
    entry.record.sentBytes += frame.length;
    this.pending.set(msgId, entry);
    connection.send(frame);
  }

  private withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A handshake that stalls leaves a connection nobody can use: drop it.
        this.close();
        this.opening = undefined;
        reject(new TargetError("TARGET_TIMEOUT", `${what} not ready in ${this.target.timeoutMs} ms`));
      }, ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** A connection with an auth key: the current one, or a new one (and a key when there is none). */
  private ready(left: () => number): Promise<MtprotoConnection> {
    if (this.connection && !this.connection.fault) return Promise.resolve(this.connection);
    this.opening ??= this.open(left).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async open(left: () => number): Promise<MtprotoConnection> {
    const { host, port, transport } = this.target;
    const connection = await MtprotoConnection.open(host, port, transport, left(), {
      payload: (payload) => this.received(connection, payload),
      fault: (error) => this.faulted(connection, error),
    });
    if (!this.keys) {
      // A key exchange that fails (a check of ours, a fault, a timeout) leaves a connection
      // nobody will use: it is closed here, or its socket would keep the run from ending.
      this.handshaking = connection;
      try {
        const result = await createAuthKey(
          { exchange: (body, what) => this.exchangePlain(connection, body, what) },
          this.target.rsaKey,
        );
        this.msgIds.offsetSeconds = result.timeOffsetSeconds;
        this.salt = result.serverSalt;
        this.keys = this.keysFor(result.authKey);
      } catch (error) {
        connection.close();
        throw error;
      } finally {
        if (this.handshaking === connection) this.handshaking = undefined;
      }
    } else {
      // A new connection of an existing key is a new session (its salt may have to be renewed).
      this.keys = { ...this.keys, sessionId: randomBytes(8) };
      this.contentSent = 0;
    }
    this.connection = connection;
    return connection;
  }

  private exchangePlain(connection: MtprotoConnection, body: Uint8Array, what: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.plainWaiter = { resolve, reject };
      try {
        connection.send(plainMessage(this.msgIds.next(), body));
      } catch (error) {
        this.plainWaiter = undefined;
        reject(error);
      }
    }).catch((error: unknown) => {
      if (error instanceof TargetError && error.code === "TARGET_RESET")
        throw new TargetError(
          "TARGET_RESET",
          `${error.message.replace(/^TARGET_RESET: /, "")} after ${what}`,
        );
      throw error;
    });
  }

  private faulted(connection: MtprotoConnection, error: TargetError): void {
    if (this.connection === connection) this.connection = undefined;
    const waiter = this.plainWaiter;
    this.plainWaiter = undefined;
    waiter?.reject(error);
    for (const entry of [...this.pending.values()]) entry.reject(error);
  }

  private received(connection: MtprotoConnection, payload: Buffer): void {
    for (const entry of this.pending.values()) entry.record.receivedBytes += payload.length;
    try {
      if (this.plainWaiter) {
        const message = readPlainMessage(payload);
        this.msgIds.checkServer(message.msgId, "a key exchange answer");
        const waiter = this.plainWaiter;
        this.plainWaiter = undefined;
        waiter.resolve(message.body);
        return;
      }
      if (!this.keys)
        throw new TargetError("TARGET_MTPROTO_BAD_MESSAGE", `an unasked-for message: ${hexOf(payload)}`);
      const message = decryptMessage(this.keys, payload);
      this.msgIds.checkServer(message.msgId, "a message");
      const acks: string[] = [];
      this.message(message.msgId, message.seqNo, message.body, acks, true);
      if (acks.length > 0) this.queueAcks(connection, acks);
    } catch (error) {
      // The connection cannot be trusted past a bad message: everything in flight fails with it.
      // Whatever else a hostile message made go wrong is its fault too, never a crash.
      const fault =
        error instanceof TargetError
          ? error
          : new TargetError("TARGET_MTPROTO_BAD_MESSAGE", `${(error as Error).message}: ${hexOf(payload)}`);
      this.faulted(connection, fault);
      connection.close();
    }
  }

  /**
   * Acks wait a moment and go out together, as clients of the protocol do: one msgs_ack per
   * burst of answers instead of one per answer (each is a message the server must decrypt and
   * read). They go at once when many are waiting, and before the connection is closed.
   */
  private queueAcks(connection: MtprotoConnection, msgIds: string[]): void {
    this.unacked.push(...msgIds);
    if (this.unacked.length >= ACK_BATCH) {
      this.flushAcks(connection);
      return;
    }
    this.ackTimer ??= setTimeout(() => this.flushAcks(connection), ACK_DELAY_MS);
    this.ackTimer.unref();
  }

  private flushAcks(connection: MtprotoConnection | undefined): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    const ids = this.unacked;
    this.unacked = [];
    if (ids.length === 0 || !connection || connection !== this.connection || connection.fault) return;
    this.sendAck(connection, ids);
  }

  private sendAck(connection: MtprotoConnection, msgIds: string[]): void {
    const keys = this.keys as SessionKeys;
    const body = codec.encode("Object", { _: "msgs_ack", msg_ids: msgIds });
    connection.send(encryptMessage(keys, this.salt, this.msgIds.next(), 2 * this.contentSent, body));
  }

  private note(text: string): void {
    for (const entry of this.pending.values()) entry.record.service.push(text);
  }

  /** One message (of a frame or a container): acks it when it is content-related, then acts on it. */
  private message(msgId: bigint, seqNo: number, body: Buffer, acks: string[], outermost: boolean): void {
    if (body.length >= 4 && body.readUInt32LE(0) === MSG_CONTAINER) {
      if (!outermost) throw badMessage("a msg_container inside a msg_container", "not allowed", body);
      if (seqNo % 2 !== 0)
        throw badMessage(`msg_container with odd seq_no ${seqNo}`, "a container is not content", body);
      this.container(body, acks);
      return;
    }
    if (seqNo % 2 === 1) acks.push(msgId.toString());
    let value: TlObject;
    try {
      value = codec.decode("Object", body, {
        requestOf: (id) => this.pending.get(BigInt(id))?.call,
      }) as TlObject;
    } catch (error) {
      if (!(error instanceof TlCodecError)) throw error;
      throw badMessage(`message ${msgId}`, error, body);
    }
    this.act(value, body);
  }

  private container(body: Buffer, acks: string[]): void {
    const reader = new TlReader(body);
    try {
      reader.uint32();
      const count = reader.int32("container count");
      if (count < 0 || count * 16 > reader.remaining())
        throw new TargetError(
          "TARGET_MTPROTO_BAD_MESSAGE",
          `msg_container of ${count} messages in ${body.length} bytes: ${hexOf(body)}`,
        );
      for (let i = 0; i < count; i += 1) {
        const msgId = BigInt(reader.long());
        const seqNo = reader.int32("seqno");
        const length = reader.int32("bytes");
        if (length < 0 || length % 4 !== 0 || length > reader.remaining())
          throw new TargetError(
            "TARGET_MTPROTO_BAD_MESSAGE",
            `a contained message of ${length} bytes with ${reader.remaining()} left: ${hexOf(body)}`,
          );
        this.msgIds.checkServer(msgId, `message ${i + 1} of a container`);
        const inner = body.subarray(reader.offset, reader.offset + length);
        reader.offset += length;
        this.message(msgId, seqNo, inner, acks, false);
      }
      reader.expectEnd();
    } catch (error) {
      if (error instanceof TlCodecError) throw badMessage("msg_container", error, body);
      throw error;
    }
  }

  private act(value: TlObject, body: Buffer): void {
    switch (value._) {
      case "gzip_packed": {
        const inflated = inflate(Buffer.from(String(value.packed_data), "base64"), "a message");
        let inner: TlObject;
        try {
          inner = codec.decode("Object", inflated, {
            requestOf: (id) => this.pending.get(BigInt(id))?.call,
          }) as TlObject;
        } catch (error) {
          throw badMessage("the inflated gzip_packed", error, inflated);
        }
        if (inner._ === "gzip_packed")
          throw badMessage("gzip_packed inside gzip_packed", "not allowed", inflated);
        this.act(inner, inflated);
        return;
      }
      case "rpc_result":
        this.rpcResult(value, body);
        return;
      case "new_session_created":
        this.salt = longBytes(value.server_salt);
        this.note(`new_session_created first_msg_id=${String(value.first_msg_id)}`);
        return;
      case "bad_server_salt": {
        this.salt = longBytes(value.new_server_salt);
        const entry = this.pending.get(BigInt(String(value.bad_msg_id)));
        this.note(`bad_server_salt bad_msg_id=${String(value.bad_msg_id)}`);
        if (!entry) return;
        if (entry.record.resent) {
          entry.reject(
            new TargetError(
              "TARGET_MTPROTO_BAD_MSG_NOTIFICATION",
              `bad_server_salt again for msg_id ${entry.record.msgId} after the resend with the new salt`,
            ),
          );
          return;
        }
        entry.record.resent = true;
        if (this.connection) this.send(this.connection, entry);
        return;
      }
      case "bad_msg_notification": {
        const code = Number(value.error_code);
        const entry = this.pending.get(BigInt(String(value.bad_msg_id)));
        this.note(`bad_msg_notification ${code} bad_msg_id=${String(value.bad_msg_id)}`);
        entry?.reject(
          new TargetError(
            "TARGET_MTPROTO_BAD_MSG_NOTIFICATION",
            `bad_msg_notification ${code} (${BAD_MSG_CODES[code] ?? "an undocumented code"}) for msg_id ${entry.record.msgId} seq_no ${entry.record.seqNo}`,
          ),
        );
        return;
      }
      case "msgs_ack":
      case "pong":
      case "future_salts":
      case "msg_detailed_info":
      case "msg_new_detailed_info":
      case "msgs_state_info":
      case "msgs_all_info":
      case "destroy_session_ok":
      case "destroy_session_none":
        this.note(value._);
        return;
      default:
        // Anything else is something the server pushed (updates): acked above and kept.
        this.pushed.push(value);
        this.note(`pushed ${value._}`);
    }
  }

  private rpcResult(value: TlObject, body: Buffer): void {
    const reqMsgId = String(value.req_msg_id);
    const entry = this.pending.get(BigInt(reqMsgId));
    if (!entry) {
      this.note(`rpc_result for msg_id ${reqMsgId}, no call in flight`);
      return;
    }
    let result = value.result as TlObject;
    if (result?._ === "gzip_packed") {
      const inflated = inflate(
        Buffer.from(String(result.packed_data), "base64"),
        `the result of ${reqMsgId}`,
      );
      try {
        result = codec.decodeResult(entry.call, inflated) as TlObject;
      } catch (error) {
        throw badMessage(`the inflated result of msg_id ${reqMsgId}`, error, inflated);
      }
    }
    if (result?._ === "rpc_error") {
      entry.resolve({
        result,
        rpcError: { code: Number(result.error_code), message: String(result.error_message) },
        record: entry.record,
      });
      return;
    }
    if (result === undefined) throw badMessage("rpc_result without a result", "empty", body);
    entry.resolve({ result, record: entry.record });
  }
}
