// The strict MTProto client against a small fake server that keeps the rules: the key exchange,
// calls at each layer on each transport, results in the forms a server may send them (in a
// container, gzip_packed, beside a pushed update), a bad_server_salt resend, and another binding
// going on with a session's auth key.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MtprotoBinding } from "../../src/bindings/mtproto/mtproto_binding.ts";
import { TRANSPORTS } from "../../src/bindings/mtproto/transport.ts";
import { Transcript } from "../../src/client/index.ts";
import { type FakeServer, type Fault, startFakeServer, warmUp } from "./fake_server.ts";

const servers: FakeServer[] = [];
async function server(fault: Fault = "none"): Promise<FakeServer> {
  const s = await startFakeServer({ fault });
  servers.push(s);
  return s;
}
const bindings: MtprotoBinding[] = [];
function bindingOf(
  s: FakeServer,
  transcript = new Transcript(),
  transport: (typeof TRANSPORTS)[number] = "intermediate",
) {
  const b = new MtprotoBinding(
    { target: s.url, rsaPublicKeyPem: s.publicPem, transport, timeoutMs: 3000 },
    transcript,
  );
  bindings.push(b);
  return b;
}

before(warmUp);
after(async () => {
  for (const b of bindings) b.close();
  await Promise.all(servers.map((s) => s.close()));
});

const invite = { _: "help.getInviteText", lang_code: "en" };

for (const transport of TRANSPORTS) {
  test(`a call over the ${transport} transport makes an auth key and returns the decoded result`, async () => {
    const s = await server();
    const transcript = new Transcript();
    const session = bindingOf(s, transcript, transport).openSession();
    const outcome = await session.call(invite, { layer: 1, role: "A" });
    assert.deepEqual(outcome.body, { _: "help.inviteText", message: "invite en" });
    assert.equal(outcome.bodyText, JSON.stringify(outcome.body));
    assert.equal(outcome.metaText, "");
    assert.equal(outcome.rpcError, undefined);
    assert.equal(s.authKeys, 1);
    assert.deepEqual(s.problems, []);
    const entry = transcript.entries[0];
    assert.equal(entry?.wire, "mtproto");
    assert.equal(entry?.method, "help.getInviteText");
    assert.match(entry?.mtproto?.msgId ?? "", /^\d+$/);
    assert.equal((entry?.mtproto?.seqNo ?? 0) % 2, 1);
    assert.ok((entry?.mtproto?.sentBytes ?? 0) > 40);
  });
}

test("layers 2 and 3 wrap the call in invokeWithLayerN, layer 1 sends it bare; an rpc_error is an outcome", async () => {
  const s = await server();
  const session = bindingOf(s).openSession();
  await session.call(invite, { layer: 1, role: "A" });
  await session.call(invite, { layer: 2, role: "A" });
  await session.call(invite, { layer: 3, role: "A" });
  assert.deepEqual(
    s.calls.map((c) => c._),
    ["help.getInviteText", "invokeWithLayer2", "invokeWithLayer3"],
  );
  const refused = await session.call({ _: "help.getConfig" }, { layer: 1, role: "A" });
  assert.deepEqual(refused.rpcError, { code: 400, message: "METHOD_INVALID" });
  assert.equal((refused.body as { _: string })._, "rpc_error");
  assert.equal(s.authKeys, 1, "one key for the session's calls");
  assert.deepEqual(s.problems, []);
});

test("a Bool result decodes to a boolean", async () => {
  const s = await server();
  const outcome = await bindingOf(s)
    .openSession()
    .call({ _: "help.saveAppLog", events: [] }, { layer: 1, role: "A" });
  assert.equal(outcome.body, true);
  assert.equal(outcome.bodyText, "true");
});

test("a result in a container, gzip_packed, beside new_session_created and a pushed update, which is acked", async () => {
  const s = await server("container-gzip-update");
  const transcript = new Transcript();
  const outcome = await bindingOf(s, transcript).openSession().call(invite, { layer: 1, role: "A" });
  assert.deepEqual(outcome.body, { _: "help.inviteText", message: "invite en" });
  const service = transcript.entries[0]?.mtproto?.service ?? [];
  assert.ok(
    service.some((line) => line.startsWith("new_session_created")),
    service.join("; "),
  );
  assert.ok(service.includes("pushed updatesTooLong"), service.join("; "));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(s.acked.length, 2, "the update and the rpc_result are acked, the service message is not");
  assert.deepEqual(s.problems, []);
});

test("bad_server_salt: the call is sent once more with the new salt, and succeeds", async () => {
  const s = await server("bad-salt-once");
  const transcript = new Transcript();
  const outcome = await bindingOf(s, transcript).openSession().call(invite, { layer: 1, role: "A" });
  assert.deepEqual(outcome.body, { _: "help.inviteText", message: "invite en" });
  assert.equal(transcript.entries[0]?.mtproto?.resent, true);
  assert.equal(s.calls.length, 2);
  assert.deepEqual(s.problems, []);
});

test("a credential lets another binding go on with the same auth key, on a new connection and session", async () => {
  const s = await server();
  const first = bindingOf(s).openSession();
  await first.call(invite, { layer: 1, role: "A" });
  assert.match(first.credential, /^[0-9a-f]{512}:[0-9a-f]{16}$/);
  const second = bindingOf(s).openSession(first.credential);
  const outcome = await second.call(invite, { layer: 2, role: "A" });
  assert.deepEqual(outcome.body, { _: "help.inviteText", message: "invite en" });
  assert.equal(s.authKeys, 1, "no second key exchange");
  assert.equal(second.credential.slice(0, 512), first.credential.slice(0, 512));
});

test("calls in flight at once on one session each get their own answer", async () => {
  const s = await server();
  const session = bindingOf(s).openSession();
  const answers = await Promise.all(
    ["en", "de", "fr", "it"].map((lang) =>
      session.call({ _: "help.getInviteText", lang_code: lang }, { layer: 1, role: "A" }),
    ),
  );
  assert.deepEqual(
    answers.map((a) => (a.body as { message: string }).message),
    ["invite en", "invite de", "invite fr", "invite it"],
  );
  assert.equal(s.authKeys, 1, "the concurrent first calls share one key exchange");
});

test("a tcp:// target that is not HOST:PORT, and a PEM that is not an RSA key, are refused up front", () => {
  assert.throws(
    () => new MtprotoBinding({ target: "http://x:1", rsaPublicKeyPem: "" }, new Transcript()),
    /tcp:\/\/HOST:PORT/,
  );
  assert.throws(
    () => new MtprotoBinding({ target: "tcp://127.0.0.1:1", rsaPublicKeyPem: "nope" }, new Transcript()),
    /RSA public key/,
  );
});

test("an unreachable target is TARGET_UNREACHABLE", async () => {
  const s = await server();
  const pem = s.publicPem;
  await s.close();
  const session = new MtprotoBinding(
    { target: s.url, rsaPublicKeyPem: pem, timeoutMs: 2000 },
    new Transcript(),
  ).openSession();
  await assert.rejects(session.call(invite, { layer: 1, role: "A" }), { code: "TARGET_UNREACHABLE" });
});
