// A client for tests of the MTProto front end made of gramjs's pieces (the `telegram` package
// 2.26.22): its doAuthentication, MTProtoPlainSender, MTProtoState and IGE do the key exchange and
// the message crypto, so that the server is checked against an implementation that is not its
// own. Only the TCP framing is written here (the intermediate and abridged transports), and the
// API bodies are encoded with src/tl (the codec the server and the harness share).

import { createPublicKey, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { connect, type Socket } from "node:net";

const require = createRequire(import.meta.url);

// gramjs is CommonJS without types for these internals; each is given the shape used here.
interface BigInteger {
  toString(): string;
}
interface GramAuthKey {
  getKey(): Buffer;
  keyId: BigInteger;
}
interface GramState {
  salt: BigInteger;
  id: BigInteger;
  _getNewMsgId(): BigInteger;
  _getSeqNo(contentRelated: boolean): number;
  encryptMessageData(data: Buffer): Promise<Buffer>;
  _calcKey(authKey: Buffer, msgKey: Buffer, client: boolean): Promise<{ key: Buffer; iv: Buffer }>;
}
interface Logger {
  debug(text: string): void;
  warn(text: string): void;
  info(text: string): void;
  error(text: string): void;
  canSend(level: string): boolean;
}

const { doAuthentication } = require("telegram/network/Authenticator.js") as {
  doAuthentication(sender: unknown, log: Logger): Promise<{ authKey: GramAuthKey; timeOffset: number }>;
};
const { MTProtoPlainSender } = require("telegram/network/MTProtoPlainSender.js") as {
  MTProtoPlainSender: new (connection: unknown, loggers: unknown) => unknown;
};
const { MTProtoState } = require("telegram/network/MTProtoState.js") as {
  MTProtoState: new (authKey: GramAuthKey, loggers: unknown, securityChecks?: boolean) => GramState;
};
const { IGE } = require("telegram/crypto/IGE.js") as {
  IGE: new (key: Buffer, iv: Buffer) => { decryptIge(data: Buffer): Buffer };
};
const { _serverKeys } = require("telegram/crypto/RSA.js") as {
  _serverKeys: Map<string, { n: BigInteger; e: number }>;
};
const Helpers = require("telegram/Helpers.js") as {
  sha256(data: Buffer): Promise<Buffer>;
  crc32(data: Buffer): number;
};
const bigInt = require("big-integer") as (value: string, base?: number) => BigInteger;

const quiet: Logger = {
  debug: () => {},
  warn: () => {},
  info: () => {},
  error: () => {},
  canSend: () => false,
};

/** Makes gramjs trust the server's RSA key under the fingerprint the server announces. */
export function trustRsaKey(publicPem: string, fingerprint: string): void {
  const jwk = createPublicKey(publicPem).export({ format: "jwk" });
  const n = bigInt(Buffer.from(jwk.n ?? "", "base64url").toString("hex"), 16);
  const e = Number.parseInt(Buffer.from(jwk.e ?? "", "base64url").toString("hex"), 16);
  _serverKeys.set(fingerprint, { n, e });
}

export type TestTransport = "intermediate" | "abridged" | "padded" | "full";

/** A framed TCP connection: send(payload), recv() → the next payload. */
export class FramedSocket {
  private readonly queue: Buffer[] = [];
  private readonly waiting: ((payload: Buffer | undefined) => void)[] = [];
  private input = Buffer.alloc(0);
  private fullSeq = 0;
  closed = false;

  private constructor(
    readonly socket: Socket,
    readonly transport: TestTransport,
  ) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("close", () => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve(undefined);
    });
    socket.on("error", () => {});
  }

  static async open(port: number, transport: TestTransport): Promise<FramedSocket> {
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const marker = { abridged: "ef", intermediate: "eeeeeeee", padded: "dddddddd", full: "" }[transport];
    socket.write(Buffer.from(marker, "hex"));
    return new FramedSocket(socket, transport);
  }

  private onData(chunk: Buffer): void {
    this.input = Buffer.concat([this.input, chunk]);
    for (;;) {
      let header: number;
      let length: number;
      if (this.transport === "abridged") {
        if (this.input.length < 1) return;
        const first = this.input[0] ?? 0;
        if (first < 0x7f) {
          header = 1;
          length = first * 4;
        } else {
          if (this.input.length < 4) return;
          header = 4;
          length = this.input.readUIntLE(1, 3) * 4;
        }
      } else if (this.transport === "full") {
        if (this.input.length < 4) return;
        const total = this.input.readUInt32LE(0);
        if (this.input.length < total) return;
        const crc = this.input.readUInt32LE(total - 4);
        if (crc !== Helpers.crc32(this.input.subarray(0, total - 4)) >>> 0)
          throw new Error("the server's CRC32 is wrong");
        header = 8;
        length = total - 12;
        this.input = Buffer.concat([this.input.subarray(0, 8 + length), this.input.subarray(total)]);
      } else {
        if (this.input.length < 4) return;
        header = 4;
        length = this.input.readUInt32LE(0);
      }
      if (this.input.length < header + length) return;
      let payload: Buffer = this.input.subarray(header, header + length);
      this.input = this.input.subarray(header + length);
      if (this.transport === "padded") payload = withoutPadding(payload);
      const resolve = this.waiting.shift();
      if (resolve) resolve(payload);
      else this.queue.push(payload);
    }
  }

  async send(payload: Buffer): Promise<void> {
    let head: Buffer;
    if (this.transport === "abridged") {
      const words = payload.length / 4;
      head =
        words < 0x7f
          ? Buffer.of(words)
          : Buffer.concat([Buffer.of(0x7f), Buffer.from([words & 0xff, (words >> 8) & 0xff, words >> 16])]);
    } else if (this.transport === "full") {
      const frame = Buffer.alloc(payload.length + 12);
      frame.writeUInt32LE(payload.length + 12, 0);
      frame.writeUInt32LE(this.fullSeq, 4);
      this.fullSeq += 1;
      payload.copy(frame, 8);
      frame.writeUInt32LE(Helpers.crc32(frame.subarray(0, payload.length + 8)) >>> 0, payload.length + 8);
      this.socket.write(frame);
      return;
    } else if (this.transport === "padded") {
      const padding = randomBytes(Math.floor(Math.random() * 16));
      head = Buffer.alloc(4);
      head.writeUInt32LE(payload.length + padding.length);
      this.socket.write(Buffer.concat([head, payload, padding]));
      return;
    } else {
      head = Buffer.alloc(4);
      head.writeUInt32LE(payload.length);
    }
    this.socket.write(Buffer.concat([head, payload]));
  }

  /** The next payload; undefined once the server closed, or after `timeoutMs`. */
  recv(timeoutMs = 5_000): Promise<Buffer | undefined> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(done);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(undefined);
      }, timeoutMs);
      const done = (payload: Buffer | undefined) => {
        clearTimeout(timer);
        resolve(payload);
      };
      this.waiting.push(done);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A padded-intermediate payload without its 0–15 random bytes: a transport error, a plain message (its length field), or header + whole AES blocks. */
function withoutPadding(payload: Buffer): Buffer {
  if (payload.length < 24) return payload.subarray(0, 4);
  if (payload.readBigUInt64LE(0) === 0n) return payload.subarray(0, 20 + payload.readUInt32LE(16));
  return payload.subarray(0, 24 + Math.floor((payload.length - 24) / 16) * 16);
}

export interface ServerMessage {
  salt: Buffer;
  sessionId: Buffer;
  msgId: bigint;
  seqNo: number;
  body: Buffer;
}

/** An auth key made by gramjs against the server, and gramjs's message state on it. */
export class GramjsSession {
  private constructor(
    readonly framed: FramedSocket,
    readonly authKey: GramAuthKey,
    readonly state: GramState,
  ) {}

  /**
   * A new connection and auth key. gramjs 2.26.22 drops the leading zero bytes of g_ab (its
   * getByteArray), so when the 256-byte auth key starts with 0 (1 in 256) it computes the wrong
   * new_nonce_hash1 and gives up; the exchange is then made again, as a client would.
   */
  static async create(port: number, transport: TestTransport = "intermediate"): Promise<GramjsSession> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await GramjsSession.createOnce(port, transport);
      } catch (error) {
        if (attempt >= 4 || !/invalid new nonce hash/.test(String(error))) throw error;
      }
    }
  }

  private static async createOnce(port: number, transport: TestTransport): Promise<GramjsSession> {
    const framed = await FramedSocket.open(port, transport);
    const connection = {
      send: (data: Buffer) => framed.send(data),
      recv: async () => {
        const payload = await framed.recv();
        if (!payload) throw new Error("the server closed the connection during the key exchange");
        return payload;
      },
    };
    const sender = new MTProtoPlainSender(connection, quiet);
    let authKey: GramAuthKey;
    try {
      ({ authKey } = await doAuthentication(sender, quiet));
    } catch (error) {
      framed.close();
      throw error;
    }
    const state = new MTProtoState(authKey, quiet);
    return new GramjsSession(framed, authKey, state);
  }

  /** The auth key id as the server names it (8 wire bytes, hex). */
  get keyIdHex(): string {
    const key = this.authKey.getKey();
    return require("node:crypto").createHash("sha1").update(key).digest().subarray(12, 20).toString("hex");
  }

  /** The session id gramjs drew for this session, as a TL long (decimal, signed). */
  get sessionIdLong(): string {
    return this.state.id.toString();
  }

  /**
   * A second connection on the same auth key: a session of its own (gramjs draws a new session
   * id), with the salt this one has.
   */
  async reconnectedSession(transport: TestTransport = "intermediate"): Promise<GramjsSession> {
    const framed = await FramedSocket.open(this.framed.socket.remotePort ?? 0, transport);
    const state = new MTProtoState(this.authKey, quiet);
    state.salt = this.state.salt;
    return new GramjsSession(framed, this.authKey, state);
  }

  setSalt(salt: bigint): void {
    this.state.salt = bigInt(salt.toString());
  }

  /** Encrypts one message (gramjs's MTProto 2.0 code); returns its msg_id. */
  async send(
    body: Uint8Array,
    options: { contentRelated?: boolean; msgId?: bigint; seqNo?: number } = {},
  ): Promise<bigint> {
    const msgId = options.msgId ?? BigInt(this.state._getNewMsgId().toString());
    const seqNo = options.seqNo ?? this.state._getSeqNo(options.contentRelated ?? true);
    const header = Buffer.alloc(16);
    header.writeBigInt64LE(msgId, 0);
    header.writeInt32LE(seqNo, 8);
    header.writeInt32LE(body.length, 12);
    const encrypted = await this.state.encryptMessageData(Buffer.concat([header, body]));
    await this.framed.send(encrypted);
    return msgId;
  }

  /** Decrypts the next server message with gramjs's key derivation and IGE; checks its msg_key. */
  async recv(timeoutMs?: number): Promise<ServerMessage | undefined> {
    const payload = await this.framed.recv(timeoutMs);
    if (!payload) return undefined;
    if (payload.length === 4) throw new Error(`transport error ${payload.readInt32LE(0)}`);
    const key = this.authKey.getKey();
    const msgKey = payload.subarray(8, 24);
    const { key: aesKey, iv } = await this.state._calcKey(key, msgKey, false);
    const plain = new IGE(aesKey, iv).decryptIge(payload.subarray(24));
    const check = await Helpers.sha256(Buffer.concat([key.subarray(96, 128), plain]));
    if (!check.subarray(8, 24).equals(msgKey)) throw new Error("the server's msg_key does not check");
    const length = plain.readUInt32LE(28);
    return {
      salt: plain.subarray(0, 8),
      sessionId: plain.subarray(8, 16),
      msgId: plain.readBigInt64LE(16),
      seqNo: plain.readInt32LE(24),
      body: plain.subarray(32, 32 + length),
    };
  }

  close(): void {
    this.framed.close();
  }
}

export interface RpcAnswer {
  /** The decoded rpc_result.result (or the service answer, e.g. pong). */
  result: Record<string, unknown>;
  /** Every message received on the way, decoded, in order. */
  seen: Record<string, unknown>[];
  messages: ServerMessage[];
}

/**
 * Sends `body` and reads until a message answering it (an rpc_result, pong or future_salts naming
 * its msg_id), following new_session_created and bad_server_salt (resent with the new salt).
 */
export async function rpc(
  session: GramjsSession,
  body: Uint8Array,
  decode: (bytes: Uint8Array, reqMsgId: string) => Record<string, unknown>,
): Promise<RpcAnswer> {
  const seen: Record<string, unknown>[] = [];
  const messages: ServerMessage[] = [];
  let msgId = await session.send(body);
  for (let i = 0; i < 16; i += 1) {
    const message = await session.recv();
    if (!message) throw new Error(`no answer; saw ${JSON.stringify(seen)}`);
    messages.push(message);
    const value = decode(message.body, msgId.toString());
    seen.push(value);
    if (value._ === "new_session_created") session.setSalt(BigInt(String(value.server_salt)));
    if (value._ === "bad_server_salt" && value.bad_msg_id === msgId.toString()) {
      session.setSalt(BigInt(String(value.new_server_salt)));
      msgId = await session.send(body);
      continue;
    }
    const answers = value.req_msg_id ?? value.msg_id ?? value.bad_msg_id;
    if (answers === msgId.toString()) {
      const result = (value._ === "rpc_result" ? value.result : value) as Record<string, unknown>;
      return { result, seen, messages };
    }
  }
  throw new Error(`no answer after 16 messages: ${JSON.stringify(seen)}`);
}
