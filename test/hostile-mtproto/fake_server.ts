// A small MTProto server for the client's tests: the server side of the key exchange and of
// encrypted messages, with one fault at a time (`fault`) that breaks exactly one rule the
// strict client must catch. It is not the reference server (src/server is not imported): just
// enough of the protocol to answer a call, written from core.telegram.org/mtproto. It checks
// what the client sends too, and lists what it finds wrong in `problems`.
import { constants, generateKeyPairSync, privateDecrypt, randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  authKeyIdOf,
  messageKeys,
  msgKeyOf,
  newNonceHash,
  rsaPublicKey,
  sha1,
  sha256,
  tempAesKeys,
} from "../../src/bindings/mtproto/crypto.ts";
import { KNOWN_DH_PRIME_HEX, nativeDh } from "../../src/bindings/mtproto/dh.ts";
import {
  createTransport,
  type Transport,
  type TransportName,
  unpadded,
} from "../../src/bindings/mtproto/transport.ts";
import { layerCodec, type TlObject, TlReader } from "../../src/tl/index.ts";

export const FAULTS = [
  "none",
  // the key exchange
  "silence-after-req-pq",
  "wrong-nonce",
  "wrong-server-nonce",
  "wrong-fingerprint",
  "unsafe-prime",
  "g-out-of-range",
  "g-residue",
  "g_a-out-of-range",
  "bad-answer-hash",
  "bad-new-nonce-hash",
  "dh-params-fail",
  "dh-gen-fail",
  "encrypted-during-handshake",
  // the transport
  "transport-404",
  "truncated-frame",
  "huge-frame",
  "bad-crc",
  // encrypted messages
  "bad-msg-key",
  "wrong-auth-key-id",
  "wrong-session-id",
  "even-msg-id",
  "stale-msg-id",
  "repeated-msg-id",
  "bad-padding",
  "plaintext-answer",
  "gzip-garbage",
  "container-garbage",
  "nested-container",
  "body-garbage",
  "random-body",
  "bad-salt-once",
  "bad-salt-always",
  "bad-msg-notification",
  "silence-after-call",
  // answers that are right, in the forms a client must read
  "container-gzip-update",
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FakeServer {
  url: string;
  publicPem: string;
  /** Everything wrong the server found in what the client sent. */
  problems: string[];
  /** Calls received as sent (with their layer wrappers), in order. */
  calls: TlObject[];
  /** Msg ids the client acked. */
  acked: string[];
  /** How many key exchanges completed. */
  authKeys: number;
  close(): Promise<void>;
}

const codec = layerCodec(1);
const PRIME = Buffer.from(KNOWN_DH_PRIME_HEX, "hex");
const PQ = 1724114033281923457n; // 1229739323 · 1402015859, the docs' sample
const be = (n: bigint) => Buffer.from(n.toString(16).padStart(16, "0"), "hex");

/** Server msg_ids are unique across connections, as a server's must be. */
let counter = 0n;

/**
 * Makes the process's RSA key pair and the DiffieHellman object of the known prime ahead (about
 * a second, once), so that tests with short timeouts do not pay for them in their first call.
 */
export function warmUp(): void {
  testKeyPair();
  nativeDh(PRIME, 3);
}

let keyPair: { publicPem: string; privatePem: string } | undefined;
/** One RSA key pair per test process (2048 bits: made once, ~100 ms). */
export function testKeyPair(): { publicPem: string; privatePem: string } {
  if (!keyPair) {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    keyPair = {
      publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
  }
  return keyPair;
}

function detect(first: Buffer): { name: TransportName; skip: number } | undefined {
  if (first.length < 1) return undefined;
  if (first[0] === 0xef) return { name: "abridged", skip: 1 };
  if (first.length < 4) return undefined;
  const word = first.readUInt32LE(0);
  if (word === 0xeeeeeeee) return { name: "intermediate", skip: 4 };
  if (word === 0xdddddddd) return { name: "padded", skip: 4 };
  return { name: "full", skip: 0 };
}

/** The default handler: help.getInviteText and help.saveAppLog, rpc_error for the rest. */
function answer(call: TlObject): unknown {
  if (call._ === "help.getInviteText")
    return { _: "help.inviteText", message: `invite ${String(call.lang_code)}` };
  if (call._ === "help.saveAppLog") return true;
  return { _: "rpc_error", error_code: 400, error_message: "METHOD_INVALID" };
}

function unwrap(call: TlObject): TlObject {
  return /^invokeWithLayer\d*$/.test(call._) ? unwrap(call.query as TlObject) : call;
}

class FakeConnection {
  private transport: Transport | undefined;
  private pendingOpening = Buffer.alloc(0);
  private nonce = "";
  private serverNonce = "";
  private newNonce = Buffer.alloc(0);
  private dh = nativeDh(PRIME, 3);
  private a = Buffer.alloc(0);
  private authKey: Buffer | undefined;
  private sessionId: Buffer | undefined;
  private salt = randomBytes(8);
  private contentSent = 0;
  private lastClientMsgId = 0n;
  private saltRefusals = 0;

  constructor(
    private readonly socket: Socket,
    private readonly server: FakeServer,
    private readonly fault: Fault,
    private readonly handler: (call: TlObject) => unknown,
    private readonly privatePem: string,
    private readonly shared: { authKeys: Map<string, Buffer> },
  ) {
    socket.on("data", (chunk: Buffer) => {
      try {
        this.data(chunk);
      } catch (error) {
        server.problems.push(`server error: ${(error as Error).message}`);
        socket.destroy();
      }
    });
    socket.on("error", () => {});
  }

  private data(chunk: Buffer): void {
    if (!this.transport) {
      this.pendingOpening = Buffer.concat([this.pendingOpening, chunk]);
      const found = detect(this.pendingOpening);
      if (!found) return;
      this.transport = createTransport(found.name);
      chunk = this.pendingOpening.subarray(found.skip);
    }
    for (const frame of this.transport.push(chunk))
      this.payload(this.transport.name === "padded" ? unpadded(frame) : frame);
  }

  private sendPayload(payload: Buffer): void {
    if (!this.transport || this.socket.destroyed) return;
    if (this.fault === "truncated-frame") {
      this.socket.end(this.transport.frame(payload).subarray(0, 10));
      return;
    }
    if (this.fault === "huge-frame") {
      this.socket.write(Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4]));
      return;
    }
    const framed = this.transport.frame(payload);
    if (this.fault === "bad-crc" && this.transport.name === "full")
      framed.writeUInt8((framed.at(-1) ?? 0) ^ 0xff, framed.length - 1);
    this.socket.write(framed);
  }

  private serverMsgId(residue: 1n | 3n): bigint {
    counter += 1n;
    const seconds = BigInt(Math.floor(Date.now() / 1000)) - (this.fault === "stale-msg-id" ? 1000n : 0n);
    const r = this.fault === "even-msg-id" ? 2n : residue;
    return (seconds << 32n) + counter * 4n + r;
  }

  private payload(payload: Buffer): void {
    if (payload.readBigUInt64LE(0) === 0n) this.plain(payload);
    else this.encrypted(payload);
  }

  private sendPlain(object: TlObject, type = "Object"): void {
    const body = codec.encode(type, object);
    const out = Buffer.alloc(20 + body.length);
    out.writeBigUInt64LE(this.serverMsgId(1n), 8);
    out.writeUInt32LE(body.length, 16);
    out.set(body, 20);
    this.sendPayload(out);
  }

  private plain(payload: Buffer): void {
    const msgId = payload.readBigUInt64LE(8);
    if (msgId % 4n !== 0n) this.server.problems.push(`plaintext msg_id ${msgId} not divisible by 4`);
    if (payload.readUInt32LE(16) !== payload.length - 20)
      this.server.problems.push("plaintext message_length wrong");
    const call = codec.decodeCall(payload.subarray(20));
    if (this.fault === "transport-404") {
      const code = Buffer.alloc(4);
      code.writeInt32LE(-404);
      this.sendPayload(code);
      return;
    }
    if (call._ === "req_pq_multi") this.reqPq(call);
    else if (call._ === "req_DH_params") this.reqDh(call);
    else if (call._ === "set_client_DH_params") this.setClientDh(call);
    else this.server.problems.push(`plaintext ${call._}`);
  }

  private reqPq(call: TlObject): void {
    if (this.fault === "silence-after-req-pq") return;
    if (this.fault === "truncated-frame" || this.fault === "huge-frame") {
      this.sendPayload(Buffer.alloc(40, 1));
      return;
    }
    this.nonce = String(call.nonce);
    this.serverNonce = randomBytes(16).toString("hex");
    const fingerprint = rsaPublicKey(this.server.publicPem).fingerprint;
    this.sendPlain({
      _: "resPQ",
      nonce: this.fault === "wrong-nonce" ? randomBytes(16).toString("hex") : this.nonce,
      server_nonce: this.serverNonce,
      pq: be(PQ).toString("base64"),
      server_public_key_fingerprints: [this.fault === "wrong-fingerprint" ? "1234567890123" : fingerprint],
    });
  }

  private reqDh(call: TlObject): void {
    if (call.nonce !== this.nonce || call.server_nonce !== this.serverNonce)
      this.server.problems.push("req_DH_params nonces");
    const encrypted = Buffer.from(String(call.encrypted_data), "base64");
    const keyAes = privateDecrypt({ key: this.privatePem, padding: constants.RSA_NO_PADDING }, encrypted);
    const aesEncrypted = keyAes.subarray(32);
    const hash = sha256(aesEncrypted);
    const tempKey = Buffer.alloc(32);
    for (let i = 0; i < 32; i += 1) tempKey[i] = (keyAes[i] ?? 0) ^ (hash[i] ?? 0);
    const dataWithHash = aesIgeDecrypt(aesEncrypted, tempKey, Buffer.alloc(32));
    const withPadding = Buffer.from(dataWithHash.subarray(0, 192)).reverse();
    if (!sha256(tempKey, withPadding).equals(dataWithHash.subarray(192)))
      this.server.problems.push("RSA_PAD hash");
    const inner = codec.read("P_Q_inner_data", new TlReader(withPadding)) as TlObject;
    if (inner._ !== "p_q_inner_data_dc") this.server.problems.push(`inner data ${inner._}`);
    if (inner.nonce !== this.nonce) this.server.problems.push("inner nonce");
    this.newNonce = Buffer.from(String(inner.new_nonce), "hex");
    const serverNonceOut =
      this.fault === "wrong-server-nonce" ? randomBytes(16).toString("hex") : this.serverNonce;
    if (this.fault === "dh-params-fail") {
      this.sendPlain({
        _: "server_DH_params_fail",
        nonce: this.nonce,
        server_nonce: this.serverNonce,
        new_nonce_hash: sha1(this.newNonce).subarray(4, 20).toString("hex"),
      });
      return;
    }
    this.a = randomBytes(256);
    this.dh.setPrivateKey(this.a);
    let gA = this.dh.generateKeys();
    let prime = PRIME;
    let g = 3;
    if (this.fault === "unsafe-prime") prime = Buffer.concat([PRIME.subarray(0, 255), Buffer.from([0x59])]);
    if (this.fault === "g-out-of-range") g = 9;
    if (this.fault === "g-residue") g = 5;
    if (this.fault === "g_a-out-of-range") gA = Buffer.from([2]);
    const innerData = codec.encode("Server_DH_inner_data", {
      _: "server_DH_inner_data",
      nonce: this.nonce,
      server_nonce: this.serverNonce,
      g,
      dh_prime: prime.toString("base64"),
      g_a: gA.toString("base64"),
      server_time: Math.floor(Date.now() / 1000),
    });
    const hashValue = this.fault === "bad-answer-hash" ? randomBytes(20) : sha1(innerData);
    const withHash = Buffer.concat([hashValue, innerData]);
    const padded = Buffer.concat([withHash, randomBytes((16 - (withHash.length % 16)) % 16)]);
    const temp = tempAesKeys(this.newNonce, Buffer.from(this.serverNonce, "hex"));
    this.sendPlain({
      _: "server_DH_params_ok",
      nonce: this.nonce,
      server_nonce: serverNonceOut,
      encrypted_answer: aesIgeEncrypt(padded, temp.key, temp.iv).toString("base64"),
    });
  }

  private setClientDh(call: TlObject): void {
    const temp = tempAesKeys(this.newNonce, Buffer.from(this.serverNonce, "hex"));
    const plain = aesIgeDecrypt(Buffer.from(String(call.encrypted_data), "base64"), temp.key, temp.iv);
    const reader = new TlReader(plain.subarray(20));
    const inner = codec.read("Client_DH_Inner_Data", reader) as TlObject;
    if (!sha1(plain.subarray(20, 20 + reader.offset)).equals(plain.subarray(0, 20)))
      this.server.problems.push("client DH hash");
    const gB = Buffer.from(String(inner.g_b), "base64");
    this.dh.setPrivateKey(this.a);
    const authKey = this.dh.computeSecret(gB);
    if (this.fault === "dh-gen-fail") {
      this.sendPlain({
        _: "dh_gen_fail",
        nonce: this.nonce,
        server_nonce: this.serverNonce,
        new_nonce_hash3: newNonceHash(this.newNonce, 3, authKey),
      });
      return;
    }
    this.authKey = authKey;
    this.shared.authKeys.set(authKeyIdOf(authKey).toString("hex"), authKey);
    for (let i = 0; i < 8; i += 1)
      this.salt[i] = (this.newNonce[i] ?? 0) ^ (Buffer.from(this.serverNonce, "hex")[i] ?? 0);
    this.server.authKeys += 1;
    if (this.fault === "encrypted-during-handshake") {
      this.sendPayload(Buffer.concat([authKeyIdOf(authKey), randomBytes(64)]));
      return;
    }
    this.sendPlain({
      _: "dh_gen_ok",
      nonce: this.nonce,
      server_nonce: this.serverNonce,
      new_nonce_hash1:
        this.fault === "bad-new-nonce-hash"
          ? randomBytes(16).toString("hex")
          : newNonceHash(this.newNonce, 1, authKey),
    });
  }

  private encrypted(payload: Buffer): void {
    const authKey = this.authKey ?? this.shared.authKeys.get(payload.subarray(0, 8).toString("hex"));
    if (!authKey) {
      const code = Buffer.alloc(4);
      code.writeInt32LE(-404);
      this.sendPayload(code);
      return;
    }
    this.authKey = authKey;
    const msgKey = payload.subarray(8, 24);
    const { key, iv } = messageKeys(authKey, msgKey, "client");
    const plain = aesIgeDecrypt(payload.subarray(24), key, iv);
    if (!msgKeyOf(authKey, plain, "client").equals(msgKey)) this.server.problems.push("client msg_key");
    const salt = plain.subarray(0, 8);
    this.sessionId = Buffer.from(plain.subarray(8, 16));
    const msgId = plain.readBigUInt64LE(16);
    const seqNo = plain.readInt32LE(24);
    const length = plain.readUInt32LE(28);
    const padding = plain.length - 32 - length;
    if (padding < 12 || padding > 1024) this.server.problems.push(`client padding ${padding}`);
    if (msgId % 4n !== 0n) this.server.problems.push(`client msg_id ${msgId} not divisible by 4`);
    if (msgId <= this.lastClientMsgId) this.server.problems.push(`client msg_id ${msgId} does not grow`);
    this.lastClientMsgId = msgId;
    const body = plain.subarray(32, 32 + length);
    const value = codec.decode("Object", body) as TlObject;
    if (value._ === "msgs_ack") {
      if (seqNo % 2 !== 0) this.server.problems.push("msgs_ack with an odd seq_no");
      this.server.acked.push(...(value.msg_ids as string[]));
      return;
    }
    if (seqNo % 2 !== 1) this.server.problems.push(`content message with even seq_no ${seqNo}`);
    const call = codec.decodeCall(body);
    this.server.calls.push(call);
    this.call(call, msgId, seqNo, salt);
  }

  private call(call: TlObject, msgId: bigint, seqNo: number, salt: Buffer): void {
    const reqMsgId = msgId.toString();
    const result = this.handler(unwrap(call));
    const rpcResult = () =>
      Buffer.from(
        codec.encode("Object", { _: "rpc_result", req_msg_id: reqMsgId, result }, { requestOf: () => call }),
      );
    const service = (object: TlObject) => Buffer.from(codec.encode("Object", object));
    switch (this.fault) {
      case "silence-after-call":
        return;
      case "transport-404": {
        const code = Buffer.alloc(4);
        code.writeInt32LE(-404);
        this.sendPayload(code);
        return;
      }
      case "plaintext-answer": {
        const body = rpcResult();
        const out = Buffer.alloc(20 + body.length);
        out.writeBigUInt64LE(this.serverMsgId(1n), 8);
        out.writeUInt32LE(body.length, 16);
        out.set(body, 20);
        this.sendPayload(out);
        return;
      }
      case "bad-salt-once":
      case "bad-salt-always":
        if (this.fault === "bad-salt-always" || this.saltRefusals === 0 || !salt.equals(this.salt)) {
          if (this.saltRefusals > 0 && this.fault === "bad-salt-once" && !salt.equals(this.salt))
            this.server.problems.push("resent without the new salt");
          this.saltRefusals += 1;
          this.salt = randomBytes(8);
          this.send(
            service({
              _: "bad_server_salt",
              bad_msg_id: reqMsgId,
              bad_msg_seqno: seqNo,
              error_code: 48,
              new_server_salt: this.salt.readBigInt64LE(0).toString(),
            }),
            false,
          );
          return;
        }
        break;
      case "bad-msg-notification":
        this.send(
          service({ _: "bad_msg_notification", bad_msg_id: reqMsgId, bad_msg_seqno: seqNo, error_code: 35 }),
          false,
        );
        return;
      case "gzip-garbage": {
        const body = Buffer.concat([
          codec.encode("Object", {
            _: "rpc_result",
            req_msg_id: reqMsgId,
            result: { _: "gzip_packed", packed_data: randomBytes(40).toString("base64") },
          }),
        ]);
        this.send(body, true);
        return;
      }
      case "container-garbage": {
        const body = Buffer.alloc(24);
        body.writeUInt32LE(0x73f1f8dc, 0);
        body.writeInt32LE(1, 4);
        body.writeBigUInt64LE(this.serverMsgId(1n), 8);
        body.writeInt32LE(1, 16);
        body.writeInt32LE(9999, 20);
        this.send(body, false);
        return;
      }
      case "nested-container": {
        const inner = this.container([{ body: rpcResult(), content: true }]);
        this.send(this.container([{ body: inner, content: false }]), false);
        return;
      }
      case "body-garbage":
        this.send(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), true);
        return;
      case "random-body": {
        // A well-formed envelope around random bytes that start like a real answer.
        const real = rpcResult();
        const body = Buffer.concat([
          real.subarray(0, 4 * Math.floor(Math.random() * 4)),
          randomBytes(4 * Math.floor(Math.random() * 40)),
        ]);
        this.send(body, Math.random() < 0.5);
        return;
      }
      case "repeated-msg-id": {
        const id = this.serverMsgId(1n);
        this.send(service({ _: "pong", msg_id: reqMsgId, ping_id: "1" }), false, id);
        this.send(rpcResult(), true, id);
        return;
      }
      case "container-gzip-update": {
        const packed = gzipSync(codec.encodeResult(call, result));
        const gzipped = Buffer.from(
          codec.encode("Object", {
            _: "rpc_result",
            req_msg_id: reqMsgId,
            result: { _: "gzip_packed", packed_data: packed.toString("base64") },
          }),
        );
        const update = service({ _: "updatesTooLong" });
        const created = service({
          _: "new_session_created",
          first_msg_id: reqMsgId,
          unique_id: "7",
          server_salt: this.salt.readBigInt64LE(0).toString(),
        });
        this.send(
          this.container([
            { body: created, content: false },
            { body: update, content: true },
            { body: gzipped, content: true },
          ]),
          false,
        );
        return;
      }
      default:
        break;
    }
    this.send(rpcResult(), true);
  }

  private container(messages: { body: Buffer; content: boolean }[]): Buffer {
    const parts: Buffer[] = [Buffer.alloc(8)];
    (parts[0] as Buffer).writeUInt32LE(0x73f1f8dc, 0);
    (parts[0] as Buffer).writeInt32LE(messages.length, 4);
    for (const m of messages) {
      const header = Buffer.alloc(16);
      header.writeBigUInt64LE(this.serverMsgId(m.content ? 1n : 3n), 0);
      header.writeInt32LE(m.content ? 2 * this.contentSent++ + 1 : 2 * this.contentSent, 8);
      header.writeInt32LE(m.body.length, 12);
      parts.push(header, m.body);
    }
    return Buffer.concat(parts);
  }

  private send(body: Buffer, content: boolean, msgId = this.serverMsgId(content ? 1n : 3n)): void {
    const authKey = this.authKey as Buffer;
    const unpadded = 32 + body.length;
    let padding = 12 + ((16 - ((unpadded + 12) % 16)) % 16);
    if (this.fault === "bad-padding") padding += 1024;
    const plain = Buffer.alloc(unpadded + padding);
    this.salt.copy(plain, 0);
    (this.fault === "wrong-session-id" ? randomBytes(8) : (this.sessionId as Buffer)).copy(plain, 8);
    plain.writeBigUInt64LE(msgId, 16);
    plain.writeInt32LE(content ? 2 * this.contentSent++ + 1 : 2 * this.contentSent, 24);
    plain.writeUInt32LE(body.length, 28);
    body.copy(plain, 32);
    randomBytes(padding).copy(plain, unpadded);
    const msgKey = msgKeyOf(authKey, plain, "server");
    const { key, iv } = messageKeys(authKey, msgKey, "server");
    const keyId = Buffer.from(authKeyIdOf(authKey));
    if (this.fault === "wrong-auth-key-id") keyId[0] = (keyId[0] ?? 0) ^ 0xff;
    if (this.fault === "bad-msg-key") msgKey[0] = (msgKey[0] ?? 0) ^ 0xff;
    this.sendPayload(Buffer.concat([keyId, msgKey, aesIgeEncrypt(plain, key, iv)]));
  }
}

export interface FakeServerOptions {
  fault?: Fault;
  handler?: (call: TlObject) => unknown;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const { publicPem, privatePem } = testKeyPair();
  const sockets = new Set<Socket>();
  const shared = { authKeys: new Map<string, Buffer>() };
  let server: Server | undefined;
  const fake: FakeServer = {
    url: "",
    publicPem,
    problems: [],
    calls: [],
    acked: [],
    authKeys: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server?.close(() => resolve());
      }),
  };
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    new FakeConnection(socket, fake, options.fault ?? "none", options.handler ?? answer, privatePem, shared);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  fake.url = `tcp://127.0.0.1:${address.port}`;
  return fake;
}
