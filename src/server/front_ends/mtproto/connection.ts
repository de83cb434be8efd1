// One TCP connection of the MTProto front end: frames in (transport.ts), unencrypted messages to
// the key exchange (handshake.ts), encrypted ones checked, decrypted and handled (messages.ts),
// answers encrypted and framed back. Any fault of the peer ends this connection only.
import { timingSafeEqual } from "node:crypto";
import type { Socket } from "node:net";
import { layerCodec, TlCodecError } from "../../../tl/index.ts";
import type { TlObject } from "../../tl_values.ts";
import type { AuthKey } from "./auth_keys.ts";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  FROM_CLIENT,
  FROM_SERVER,
  messageAesKeyIv,
  messageKey,
  randomPadding,
} from "./crypto.ts";
import type { FrontEnd } from "./front_end.ts";
import { HANDSHAKE_METHODS, Handshake, HandshakeFault } from "./handshake.ts";
import { handleMessage, type MessageContext } from "./messages.ts";
import { FrameCodec, stripPadding, TransportFault, transportError } from "./transport.ts";

const codec = layerCodec(1);
const LINGER_MS = 500;

export class Connection {
  private readonly frames: FrameCodec;
  private readonly handshake: Handshake;
  private keysCreated = 0;
  private closed = false;
  private idle: NodeJS.Timeout | undefined;
  disconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly front: FrontEnd,
    readonly socket: Socket,
  ) {
    this.frames = new FrameCodec(front.options.maxFrameBytes);
    this.handshake = new Handshake(front);
    socket.setNoDelay(true);
    this.arm(front.options.firstFrameTimeoutMs);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", () => this.destroy());
    socket.on("close", () => this.destroy());
  }

  private arm(ms: number): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.destroy(), ms);
    this.idle.unref();
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idle);
    clearTimeout(this.disconnectTimer);
    this.socket.destroy();
    this.front.forget(this);
  }

  /** Sends a transport error and closes once it is out (reading on for a moment, so no reset loses it). */
  fail(code: -404 | -429 | -444): void {
    if (this.closed) return;
    if (this.frames.kind !== undefined) this.socket.write(this.frames.encode(transportError(code)));
    this.closeGently();
  }

  closeGently(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idle);
    clearTimeout(this.disconnectTimer);
    this.socket.end();
    this.socket.resume();
    setTimeout(() => this.socket.destroy(), LINGER_MS).unref();
    this.front.forget(this);
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let payloads: Buffer[];
    try {
      payloads = this.frames.push(chunk);
    } catch (error) {
      if (!(error instanceof TransportFault)) this.front.internalError(error);
      this.closeGently();
      return;
    }
    if (payloads.length === 0) return;
    this.arm(this.front.options.idleTimeoutMs);
    // The answers to everything this chunk held go out in one write (a container's answers, pipelined calls).
    this.socket.cork();
    try {
      this.handlePayloads(payloads);
    } finally {
      this.socket.uncork();
    }
  }

  private handlePayloads(payloads: Buffer[]): void {
    for (const raw of payloads) {
      if (this.closed) return;
      const payload = this.frames.kind === "padded" ? stripPadding(raw) : raw;
      try {
        this.packet(payload);
      } catch (error) {
        if (error instanceof HandshakeFault || error instanceof TransportFault) {
          this.fail(-404);
          return;
        }
        this.front.internalError(error);
        this.closeGently();
        return;
      }
    }
  }

  private packet(payload: Buffer): void {
    if (payload.length < 8) throw new TransportFault("a packet shorter than an auth_key_id");
    if (payload.readBigUInt64LE(0) === 0n) {
      this.plain(payload);
      return;
    }
    this.encrypted(payload);
    return;
  }

  /** auth_key_id 0, msg_id, message_length, body: only the key exchange travels this way. */
  private plain(payload: Buffer): void {
    if (payload.length < 24 || payload.readUInt32LE(16) !== payload.length - 20) {
      throw new TransportFault("an unencrypted message whose length is not its body's");
    }
    const msgId = payload.readBigInt64LE(8);
    if ((msgId & 3n) !== 0n)
      throw new TransportFault("an unencrypted message with a msg_id not divisible by 4");
    let call: TlObject;
    try {
      call = codec.decodeCall(payload.subarray(20)) as TlObject;
    } catch (error) {
      if (error instanceof TlCodecError) throw new HandshakeFault(error.message);
      throw error;
    }
    if (!HANDSHAKE_METHODS.has(String(call._))) throw new HandshakeFault(`${String(call._)} unencrypted`);
    if (call._ === "req_DH_params" && !this.front.takeKeyExchange()) {
      this.fail(-429);
      return;
    }
    const { answer, created } = this.handshake.answer(call);
    if (created) {
      this.keysCreated += 1;
      this.front.options.onRequest?.(`auth key ${created.id} created`);
      if (this.keysCreated > this.front.options.maxKeysPerConnection) {
        this.fail(-429);
        return;
      }
    }
    const body = codec.encode("Object", answer);
    const out = Buffer.allocUnsafe(20 + body.length);
    out.writeBigUInt64LE(0n, 0);
    out.writeBigInt64LE(this.front.msgIds.next(1), 8);
    out.writeUInt32LE(body.length, 16);
    out.set(body, 20);
    this.write(out);
  }

  private write(payload: Uint8Array): void {
    if (!this.closed) this.socket.write(this.frames.encode(payload));
  }

  private encrypted(payload: Buffer): void {
    const length = payload.length - 24;
    if (length < 48 || length % 16 !== 0)
      throw new TransportFault("encrypted data that is not whole AES blocks");
    const key = this.front.keys.get(payload.toString("hex", 0, 8));
    if (!key) {
      this.fail(-404);
      return;
    }
    const msgKey = payload.subarray(8, 24);
    const { key: aesKey, iv } = messageAesKeyIv(key.key, msgKey, FROM_CLIENT);
    const plain = aesIgeDecrypt(payload.subarray(24), aesKey, iv);
    // The checks before a byte of the plaintext is trusted: msg_key, then lengths and padding.
    if (!timingSafeEqual(messageKey(key.key, plain, FROM_CLIENT), msgKey)) {
      this.closeGently();
      return;
    }
    const bodyLength = plain.readUInt32LE(28);
    const padding = plain.length - 32 - bodyLength;
    if (bodyLength % 4 !== 0 || bodyLength < 4 || padding < 12 || padding > 1024) {
      this.closeGently();
      return;
    }
    const context: MessageContext = {
      front: this.front,
      connection: this,
      key,
      salt: plain.subarray(0, 8),
      sessionId: plain.toString("hex", 8, 16),
      send: (body, kind) => this.sendEncrypted(key, plain.subarray(8, 16), body, kind),
    };
    handleMessage(
      context,
      plain.readBigInt64LE(16),
      plain.readInt32LE(24),
      plain.subarray(32, 32 + bodyLength),
    );
  }

  /** One server message in the client's session: seq_no odd (every message the server sends is content-related). */
  private sendEncrypted(key: AuthKey, sessionId: Buffer, body: Uint8Array, kind: 1 | 3): bigint {
    const { session } = this.front.keys.session(key, sessionId.toString("hex"));
    const seqNo = session.sent * 2 + 1;
    session.sent += 1;
    const msgId = this.front.msgIds.next(kind);
    const paddingLength = 12 + ((16 - ((32 + body.length + 12) % 16)) % 16);
    const plain = Buffer.allocUnsafe(32 + body.length + paddingLength);
    this.front.currentSalt(key).copy(plain, 0);
    sessionId.copy(plain, 8);
    plain.writeBigInt64LE(msgId, 16);
    plain.writeInt32LE(seqNo, 24);
    plain.writeUInt32LE(body.length, 28);
    plain.set(body, 32);
    randomPadding(paddingLength).copy(plain, 32 + body.length);
    const msgKey = messageKey(key.key, plain, FROM_SERVER);
    const { key: aesKey, iv } = messageAesKeyIv(key.key, msgKey, FROM_SERVER);
    const encrypted = aesIgeEncrypt(plain, aesKey, iv);
    const out = Buffer.allocUnsafe(24 + encrypted.length);
    out.write(key.id, 0, 8, "hex");
    msgKey.copy(out, 8);
    encrypted.copy(out, 24);
    this.write(out);
    return msgId;
  }
}
