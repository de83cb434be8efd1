// The MTProto front end against gramjs's own key exchange and message crypto (gramjs_client.ts):
// an auth key is made over each of the four TCP transports, then encrypted calls run
// on it: sign-up binds the key to the account, a layer-3 call answers in layer 3, service messages
// answer as core.telegram.org/mtproto/service_messages says.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type RunningMtprotoServer,
  startMtprotoServer,
} from "../../../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../../../src/server/index.ts";
import { layerCodec } from "../../../src/tl/index.ts";
import { GramjsSession, rpc, trustRsaKey } from "./gramjs_client.ts";

const codec = layerCodec(1);
let server: RunningMtprotoServer;

before(async () => {
  server = await startMtprotoServer(createServerState());
  trustRsaKey(server.rsaPublicKeyPem, server.rsaFingerprint);
});
after(() => server.close());

/** Decodes server messages, typing an rpc_result by the call it answers. */
function decoderFor(calls: Map<string, Record<string, unknown>>) {
  return (bytes: Uint8Array) =>
    codec.decode("Object", bytes, {
      requestOf: (id: string) => calls.get(id) as never,
    }) as Record<string, unknown>;
}

async function call(session: GramjsSession, request: Record<string, unknown>) {
  const calls = new Map<string, Record<string, unknown>>();
  const body = codec.encodeCall(request as never);
  const decode = decoderFor(calls);
  // The msg_id is known only once sent: any id maps to this call (one call in flight).
  return rpc(session, body, (bytes, id) => {
    calls.set(id, request);
    for (const key of calls.keys()) calls.set(key, request);
    return decode(bytes);
  });
}

const phone = () =>
  `99966${1 + Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

for (const transport of ["intermediate", "abridged", "padded", "full"] as const) {
  test(`gramjs makes an auth key over the ${transport} transport and signs up on it`, async () => {
    const before = server.authKeyCount();
    const session = await GramjsSession.create(server.port, transport);
    try {
      assert.ok(server.authKeyCount() > before, "the server holds the new key");
      const unbound = await call(session, { _: "invokeWithLayer3", query: { _: "updates.getState" } });
      assert.equal(unbound.seen[0]?._, "new_session_created", "a new session is announced first");
      assert.deepEqual(unbound.result, {
        _: "rpc_error",
        error_code: 401,
        error_message: "AUTH_KEY_UNREGISTERED",
      });
      const number = phone();
      const sent = await call(session, {
        _: "auth.sendCode",
        phone_number: number,
        sms_type: 0,
        api_id: 1,
        api_hash: "t",
      });
      assert.equal(sent.result._, "auth.sentCode");
      const signed = await call(session, {
        _: "invokeWithLayer3",
        query: {
          _: "auth.signUp",
          phone_number: number,
          phone_code_hash: sent.result.phone_code_hash,
          phone_code: (number[5] ?? "").repeat(5),
          first_name: "M",
          last_name: "T",
        },
      });
      assert.equal(signed.result._, "auth.authorization", JSON.stringify(signed.result));
      const state = await call(session, {
        _: "invokeWithLayer",
        layer: 3,
        query: {
          _: "initConnection",
          api_id: 1,
          device_model: "t",
          system_version: "t",
          app_version: "t",
          query: { _: "updates.getState" },
        },
      });
      assert.equal(state.result._, "updates.state", JSON.stringify(state.result));
      for (const message of [...unbound.messages, ...state.messages]) {
        assert.equal(message.seqNo % 2, 1, "server messages are content-related: odd seq_no");
      }
      const ids = [...unbound.messages, ...sent.messages, ...signed.messages, ...state.messages].map(
        (m) => m.msgId,
      );
      for (let i = 1; i < ids.length; i += 1)
        assert.ok((ids[i] ?? 0n) > (ids[i - 1] ?? 0n), "server msg_ids increase");
    } finally {
      session.close();
    }
  });
}

test("service messages: ping → pong, get_future_salts → future_salts, an unknown method → 400", async () => {
  const session = await GramjsSession.create(server.port);
  try {
    const pong = await call(session, { _: "ping", ping_id: "12345" });
    assert.equal(pong.result._, "pong");
    assert.equal(pong.result.ping_id, "12345");
    assert.equal((pong.messages.at(-1)?.msgId ?? 0n) % 4n, 1n, "an answer's msg_id is 1 mod 4");
    const salts = await call(session, { _: "get_future_salts", num: 3 });
    assert.equal(salts.result._, "future_salts");
    assert.equal((salts.result.salts as unknown[]).length, 3);
    const bogus = Buffer.from("0badf00d00000000", "hex");
    const unknown = await rpc(
      session,
      bogus,
      (bytes) => codec.decode("Object", bytes) as Record<string, unknown>,
    );
    assert.deepEqual(unknown.result, {
      _: "rpc_error",
      error_code: 400,
      error_message: "INPUT_METHOD_INVALID",
    });
    const truncated = codec
      .encodeCall({ _: "auth.sendCode", phone_number: "1", sms_type: 0, api_id: 1, api_hash: "t" } as never)
      .subarray(0, 12);
    const bad = await rpc(
      session,
      Buffer.concat([truncated, Buffer.alloc(0)]),
      (bytes) => codec.decode("Object", bytes) as Record<string, unknown>,
    );
    assert.deepEqual(bad.result, { _: "rpc_error", error_code: 400, error_message: "INPUT_REQUEST_INVALID" });
    const layer99 = Buffer.concat([
      Buffer.from("0d0d9bda63000000", "hex"), // invokeWithLayer#da9b0d0d, layer 99
      codec.encodeCall({ _: "updates.getState" } as never),
    ]);
    const noLayer = await rpc(
      session,
      layer99,
      (bytes) => codec.decode("Object", bytes) as Record<string, unknown>,
    );
    assert.deepEqual(noLayer.result, {
      _: "rpc_error",
      error_code: 400,
      error_message: "INPUT_LAYER_INVALID",
    });
    const twice = await call(session, {
      _: "invokeWithLayer3",
      query: { _: "invokeWithLayer2", query: { _: "updates.getState" } },
    });
    assert.deepEqual(twice.result, {
      _: "rpc_error",
      error_code: 400,
      error_message: "INPUT_REQUEST_INVALID",
    });
    const still = await call(session, { _: "ping", ping_id: "7" });
    assert.equal(still.result._, "pong", "the connection survives bad requests");
  } finally {
    session.close();
  }
});

test("msg_container: each message is handled on its own; gzip_packed is inflated", async () => {
  const session = await GramjsSession.create(server.port);
  try {
    await call(session, { _: "ping", ping_id: "1" }); // the session and its salt
    const inner = (id: bigint, seqNo: number, body: Uint8Array) => {
      const head = Buffer.alloc(16);
      head.writeBigInt64LE(id, 0);
      head.writeInt32LE(seqNo, 8);
      head.writeInt32LE(body.length, 12);
      return Buffer.concat([head, body]);
    };
    const next = () => BigInt(session.state._getNewMsgId().toString());
    const a = next();
    const b = next();
    const c = next();
    const bogus = Buffer.from("0badf00d", "hex");
    const container = Buffer.concat([
      Buffer.from("dcf8f173", "hex"),
      Buffer.from([3, 0, 0, 0]),
      inner(a, session.state._getSeqNo(true), codec.encodeCall({ _: "ping", ping_id: "10" } as never)),
      inner(b, session.state._getSeqNo(true), bogus),
      inner(c, session.state._getSeqNo(true), codec.encodeCall({ _: "ping", ping_id: "11" } as never)),
    ]);
    await session.send(container, { contentRelated: false });
    const answers = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < 3; i += 1) {
      const message = await session.recv(2_000);
      assert.ok(message, "three answers");
      const value = codec.decode("Object", message.body) as Record<string, unknown>;
      answers.set(String(value.msg_id ?? value.req_msg_id), value);
    }
    assert.equal(answers.get(a.toString())?.ping_id, "10");
    assert.deepEqual(answers.get(b.toString())?.result, {
      _: "rpc_error",
      error_code: 400,
      error_message: "INPUT_METHOD_INVALID",
    });
    assert.equal(answers.get(c.toString())?.ping_id, "11", "a bad message in a container fails alone");
    const { gzipSync } = await import("node:zlib");
    const packed = codec.encode("Object", {
      _: "gzip_packed",
      packed_data: gzipSync(codec.encodeCall({ _: "ping", ping_id: "12" } as never)).toString("base64"),
    });
    const pong = await rpc(
      session,
      packed,
      (bytes) => codec.decode("Object", bytes) as Record<string, unknown>,
    );
    assert.equal(pong.result.ping_id, "12");
    const bomb = codec.encode("Object", {
      _: "gzip_packed",
      packed_data: gzipSync(Buffer.alloc(8 * 1024 * 1024)).toString("base64"),
    });
    const refused = await rpc(
      session,
      bomb,
      (bytes) => codec.decode("Object", bytes) as Record<string, unknown>,
    );
    assert.deepEqual(refused.result, {
      _: "rpc_error",
      error_code: 400,
      error_message: "INPUT_REQUEST_INVALID",
    });
  } finally {
    session.close();
  }
});

test("a message under a wrong salt gets bad_server_salt (code 48) with the valid salt, and goes through once resent", async () => {
  const session = await GramjsSession.create(server.port);
  try {
    const first = await call(session, { _: "ping", ping_id: "1" });
    const created = first.seen.find((m) => m._ === "new_session_created");
    assert.ok(created, "a new session is announced with its salt");
    session.setSalt(0x0123456789abcdefn);
    const answer = await call(session, { _: "ping", ping_id: "2" });
    const bad = answer.seen.find((m) => m._ === "bad_server_salt");
    assert.ok(bad, `bad_server_salt for the wrong salt; saw ${JSON.stringify(answer.seen)}`);
    assert.equal(bad.error_code, 48);
    assert.equal(
      bad.new_server_salt,
      created.server_salt,
      "the salt the session was given is still the valid one",
    );
    assert.equal(answer.result._, "pong", "the resent message is served");
    assert.equal(answer.result.ping_id, "2");
  } finally {
    session.close();
  }
});

test("ping_delay_disconnect answers pong and closes the connection once the delay passes with no ping", async () => {
  const session = await GramjsSession.create(server.port);
  try {
    const pong = await call(session, { _: "ping_delay_disconnect", ping_id: "9", disconnect_delay: 1 });
    assert.equal(pong.result._, "pong");
    assert.equal(pong.result.ping_id, "9");
    assert.equal(session.framed.closed, false, "open before the delay");
    const next = await session.recv(3000);
    assert.equal(next, undefined, "nothing but the close after the delay");
    assert.equal(session.framed.closed, true, "the server closed the connection after 1 s");
  } finally {
    session.close();
  }
});

test("destroy_session: another session of the key is destroyed once (ok, then none); the current one never", async () => {
  const session = await GramjsSession.create(server.port);
  const other = await session.reconnectedSession();
  try {
    // The second connection of the same key is a session of its own, known to the server once
    // it has sent a message.
    await call(other, { _: "ping", ping_id: "3" });
    const otherId = other.sessionIdLong;
    const ok = await call(session, { _: "destroy_session", session_id: otherId });
    assert.deepEqual(ok.result, { _: "destroy_session_ok", session_id: otherId });
    const none = await call(session, { _: "destroy_session", session_id: otherId });
    assert.deepEqual(none.result, { _: "destroy_session_none", session_id: otherId });
    const own = await call(session, { _: "destroy_session", session_id: session.sessionIdLong });
    assert.deepEqual(own.result, { _: "destroy_session_none", session_id: session.sessionIdLong });
    const still = await call(session, { _: "ping", ping_id: "4" });
    assert.equal(still.result._, "pong", "the current session goes on");
  } finally {
    other.close();
    session.close();
  }
});
