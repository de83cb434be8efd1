// Hostile input against the MTProto front end: random bytes, truncated and over-long frames, an
// unknown auth_key_id, a wrong msg_key, replayed and out-of-window msg_ids, connections that never
// finish, a key exchange flood. The server never crashes, answers what the docs say, keeps its
// memory bounded (connections, keys), and goes on serving other connections.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { after, before, test } from "node:test";
import {
  type RunningMtprotoServer,
  startMtprotoServer,
} from "../../../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../../../src/server/index.ts";
import { layerCodec } from "../../../src/tl/index.ts";
import { FramedSocket, GramjsSession, rpc, trustRsaKey } from "./gramjs_client.ts";

const codec = layerCodec(1);
const decode = (bytes: Uint8Array) => codec.decode("Object", bytes) as Record<string, unknown>;
const ping = (id: string) => codec.encodeCall({ _: "ping", ping_id: id } as never);
let server: RunningMtprotoServer;

before(async () => {
  server = await startMtprotoServer(createServerState(), {
    maxConnections: 40,
    maxAuthKeys: 3,
    maxKeyExchangesPerSecond: 1_000,
    firstFrameTimeoutMs: 400,
    maxFrameBytes: 64 * 1024,
  });
  trustRsaKey(server.rsaPublicKeyPem, server.rsaFingerprint);
});
after(() => server.close());

/** Writes raw bytes on a fresh connection; resolves with what came back once the server closed it. */
function raw(bytes: Buffer, waitMs = 2_000): Promise<{ closed: boolean; received: Buffer }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received: Buffer.concat(chunks) });
    }, waitMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, received: Buffer.concat(chunks) });
    });
    socket.on("connect", () => socket.write(bytes));
  });
}

async function stillServes(): Promise<void> {
  const session = await GramjsSession.create(server.port);
  try {
    const pong = await rpc(session, ping("1"), decode);
    assert.equal(pong.result._, "pong");
  } finally {
    session.close();
  }
}

test("random bytes, foreign protocols, over-long and truncated frames end only their own connection", async () => {
  const inputs = [
    randomBytes(64),
    randomBytes(3000),
    Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
    Buffer.concat([Buffer.from("eeeeeeee", "hex"), Buffer.from("ffffff3f", "hex")]), // 1 GiB frame
    Buffer.concat([Buffer.from("eeeeeeee", "hex"), Buffer.from("02000000", "hex"), Buffer.alloc(2)]), // under 4 bytes
    Buffer.concat([Buffer.from("eeeeeeee", "hex"), Buffer.from("64000000", "hex"), randomBytes(10)]), // truncated
    Buffer.concat([Buffer.from("ef", "hex"), Buffer.of(0x7f, 0xff, 0xff, 0xff)]), // abridged, 64 MiB
    Buffer.concat([Buffer.from("eeeeeeee", "hex"), Buffer.from("18000000", "hex"), randomBytes(24)]), // garbage packet
  ];
  const results = await Promise.all(inputs.map((input) => raw(input)));
  for (const [i, result] of results.entries()) assert.ok(result.closed, `input ${i} ends its connection`);
  await stillServes();
});

test("an unknown auth_key_id answers -404", async () => {
  const framed = await FramedSocket.open(server.port, "intermediate");
  await framed.send(randomBytes(24 + 64));
  const answer = await framed.recv(2_000);
  assert.equal(answer?.length, 4);
  assert.equal(answer?.readInt32LE(0), -404);
  framed.close();
});

test("a wrong msg_key is dropped and ends the connection; the key still works on another", async () => {
  const session = await GramjsSession.create(server.port);
  const header = Buffer.alloc(16);
  header.writeBigInt64LE(BigInt(session.state._getNewMsgId().toString()), 0);
  header.writeInt32LE(1, 8);
  const body = ping("2");
  header.writeInt32LE(body.length, 12);
  const frame = await session.state.encryptMessageData(Buffer.concat([header, body]));
  frame[10] = (frame[10] ?? 0) ^ 1;
  await session.framed.send(frame);
  assert.equal(await session.framed.recv(1_500), undefined, "no answer, and the server closes");
  assert.ok(session.framed.closed);
  await stillServes();
});

test("msg_id checks: replayed ids are dropped, out-of-window and unaligned ids get bad_msg_notification", async () => {
  const session = await GramjsSession.create(server.port);
  try {
    const first = await rpc(session, ping("3"), decode);
    assert.equal(first.result._, "pong");
    const used = first.messages.length > 0 ? BigInt(String(first.result.msg_id)) : 0n;
    await session.send(ping("4"), { msgId: used });
    const nowSeconds = BigInt(Math.floor(Date.now() / 1000));
    const cases: [bigint, number][] = [
      [(nowSeconds - 400n) << 32n, 16],
      [(nowSeconds + 100n) << 32n, 17],
      [(nowSeconds << 32n) | 5n, 18],
    ];
    for (const [msgId, code] of cases) {
      await session.send(ping("5"), { msgId });
      const notice = await session.recv(2_000);
      assert.ok(notice, `an answer to msg_id ${msgId}`);
      const value = decode(notice.body);
      assert.equal(value._, "bad_msg_notification", "the replay before it got no answer");
      assert.equal(value.bad_msg_id, msgId.toString());
      assert.equal(value.error_code, code);
    }
    const even = await session.send(ping("6"), { seqNo: 2 });
    const parity = decode((await session.recv(2_000))?.body ?? Buffer.alloc(0));
    assert.deepEqual([parity.bad_msg_id, parity.error_code], [even.toString(), 35]);
    const after = await rpc(session, ping("7"), decode);
    assert.equal(after.result._, "pong", "the connection survives");
  } finally {
    session.close();
  }
});

test("connections past maxConnections get -429; idle half-open ones are closed; keys stay bounded", async () => {
  const sockets = await Promise.all(
    Array.from({ length: 45 }, () => FramedSocket.open(server.port, "intermediate")),
  );
  const refused = await Promise.all(sockets.map((s) => s.recv(300)));
  const floods = refused.filter((payload) => payload?.readInt32LE(0) === -429);
  assert.ok(floods.length >= 5, `${floods.length} connections were refused with -429`);
  // None of them sends a frame: the first-frame timeout closes them all.
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(server.connectionCount(), 0);
  for (const socket of sockets) socket.close();
  const sessions = [];
  for (let i = 0; i < 4; i += 1) sessions.push(await GramjsSession.create(server.port));
  assert.equal(server.authKeyCount(), 3, "maxAuthKeys bounds the keys");
  // The least recently used key was forgotten: its client is told -404.
  const oldest = sessions[0] as GramjsSession;
  await oldest.send(ping("8"));
  await assert.rejects(oldest.recv(2_000), /transport error -404/);
  for (const session of sessions) session.close();
  await stillServes();
});

test("a key exchange flood past maxKeyExchangesPerSecond is answered -429", async () => {
  const flooded = await startMtprotoServer(createServerState(), { maxKeyExchangesPerSecond: 1 });
  try {
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => GramjsSession.create(flooded.port)));
    const made = outcomes.filter((o) => o.status === "fulfilled");
    assert.ok(
      made.length >= 1 && made.length < 3,
      `${made.length} of 3 exchanges in one second went through`,
    );
    for (const outcome of outcomes) if (outcome.status === "fulfilled") outcome.value.close();
  } finally {
    await flooded.close();
  }
});
