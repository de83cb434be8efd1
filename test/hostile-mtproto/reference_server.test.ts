// The strict client against the reference server's MTProto front end (two implementations of
// the protocol that share only src/tl): the key exchange on each transport, sign-up binding the
// key to the account, a call at each layer, and a second binding going on with the credential.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MtprotoBinding } from "../../src/bindings/mtproto/mtproto_binding.ts";
import { TRANSPORTS } from "../../src/bindings/mtproto/transport.ts";
import { Transcript } from "../../src/client/index.ts";
import { type RunningMtprotoServer, startMtprotoServer } from "../../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../../src/server/index.ts";

let server: RunningMtprotoServer;
const bindings: MtprotoBinding[] = [];

before(async () => {
  server = await startMtprotoServer(createServerState());
});
after(async () => {
  for (const b of bindings) b.close();
  await server.close();
});

function binding(transport: (typeof TRANSPORTS)[number] = "intermediate", transcript = new Transcript()) {
  const b = new MtprotoBinding(
    { target: server.url, rsaPublicKeyPem: server.rsaPublicKeyPem, transport, timeoutMs: 5000 },
    transcript,
  );
  bindings.push(b);
  return b;
}

const phone = () =>
  `99966${1 + Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

for (const transport of TRANSPORTS) {
  test(`over ${transport}: a new key, sign-up on it, and calls at layers 1-3`, async () => {
    const transcript = new Transcript();
    const session = binding(transport, transcript).openSession();
    const unbound = await session.call({ _: "updates.getState" }, { layer: 3, role: "A" });
    assert.deepEqual(unbound.rpcError, { code: 401, message: "AUTH_KEY_UNREGISTERED" });
    const number = phone();
    const sent = await session.call(
      { _: "auth.sendCode", phone_number: number, sms_type: 0, api_id: 1, api_hash: "t" },
      { layer: 1, role: "A" },
    );
    assert.equal((sent.body as { _: string })._, "auth.sentCode", sent.bodyText);
    const signed = await session.call(
      {
        _: "auth.signUp",
        phone_number: number,
        phone_code_hash: (sent.body as { phone_code_hash: string }).phone_code_hash,
        phone_code: (number[5] ?? "").repeat(5),
        first_name: "M",
        last_name: "T",
      },
      { layer: 3, role: "A" },
    );
    assert.equal((signed.body as { _: string })._, "auth.authorization", signed.bodyText);
    for (const layer of [1, 2, 3] as const) {
      const state = await session.call({ _: "updates.getState" }, { layer, role: "A" });
      assert.equal((state.body as { _: string })._, "updates.state", state.bodyText);
    }
    const service = transcript.entries[0]?.mtproto?.service ?? [];
    assert.ok(
      service.some((s) => s.startsWith("new_session_created")),
      service.join("; "),
    );

    const again = binding(transport).openSession(session.credential);
    const state = await again.call({ _: "updates.getState" }, { layer: 2, role: "A" });
    assert.equal((state.body as { _: string })._, "updates.state", "the credential carries the account");
  });
}
