// Proof with code nobody here wrote: gramjs's own network stack (gramjs_network.ts) — its TCP
// connection classes, its MTProtoSender, its TL classes rebuilt from our layer-3 schema — creates
// auth keys with the reference server over ConnectionTCPFull and ConnectionTCPAbridged, signs up
// at layer 3 and makes a call only a signed-up key may make; an rpc_error reaches it as gramjs's
// RPCError. (test/server/mtproto/handshake.test.ts runs gramjs's key exchange and crypto over
// framing of its own; this file runs the rest of gramjs.)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GRAMJS_CONNECTIONS, gramjs, gramjsConnect, gramObject, layer3, RPCError } from "./gramjs_network.ts";

// Imported after gramjs_network.ts has rebuilt gramjs (static imports load in order).
const { createServerState, startMtprotoServer } = await import("../../src/server/index.ts");
const { trustRsaKey } = await import("../server/mtproto/gramjs_client.ts");

type Server = Awaited<ReturnType<typeof startMtprotoServer>>;
let server: Server;

before(async () => {
  server = await startMtprotoServer(createServerState());
  trustRsaKey(server.rsaPublicKeyPem, server.rsaFingerprint);
});
after(() => server.close());

const TEST_TIMEOUT_MS = 10_000;

const sendCode = (phone: string) =>
  gramObject("auth.sendCode", { phoneNumber: phone, smsType: 0, apiId: 1, apiHash: "tl-conformance" });

let account = 0;

for (const [name, Connection] of Object.entries(GRAMJS_CONNECTIONS)) {
  test(`gramjs over ${name}: auth key, sign-up at layer 3, a call on the bound key, an rpc_error`, {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    account += 1;
    const phone = `999665${String(account).padStart(4, "0")}`;
    const gram = await gramjsConnect(server.port, Connection);
    try {
      const sent = await gram.call(layer3(sendCode(phone)));
      assert.equal(sent.className, "auth.SentCode");
      assert.equal(sent.phoneRegistered, false);

      // A wrong code first: the server's rpc_error, read by gramjs as its RPCError.
      const signUp = (code: string) =>
        layer3(
          gramObject("auth.signUp", {
            phoneNumber: phone,
            phoneCodeHash: sent.phoneCodeHash,
            phoneCode: code,
            firstName: "Gram",
            lastName: name,
          }),
        );
      await assert.rejects(gram.call(signUp("12345")), (error: unknown) => {
        assert.ok(error instanceof RPCError, String(error));
        assert.equal(error.code, 400);
        assert.equal(error.errorMessage, "PHONE_CODE_INVALID");
        return true;
      });

      const auth = await gram.call(signUp("55555"));
      assert.equal(auth.className, "auth.Authorization");
      const self = auth.user as { className: string; phone: string; lastName: string };
      assert.equal(self.className, "UserSelf");
      assert.equal(self.phone, phone);
      assert.equal(self.lastName, name);

      // A call that needs an account: the key is bound to the one just made.
      const state = await gram.call(layer3(gramObject("updates.getState")));
      assert.equal(state.className, "updates.State");
      const full = await gram.call(
        layer3(gramObject("users.getFullUser", { id: gramObject("inputUserSelf") })),
      );
      assert.equal(full.className, "UserFull");
      assert.equal((full.user as { phone: string }).phone, phone);
    } finally {
      await gram.close();
    }
  });
}

test("gramjs's classes are the ones rebuilt from our layer 3", () => {
  // sentMessageLink exists from layer 3 on; gramjs's bundled modern schema has no such class.
  assert.equal(gramjs.classOf("messages.sentMessageLink")?.CONSTRUCTOR_ID, 0xe9db4a3f);
  assert.equal(gramjs.classOf("invokeWithLayer3")?.CONSTRUCTOR_ID, 0xb7475268);
});
