// Hostile MTProto targets: each fake server breaks one rule, and the strict client must end the
// call with that rule's TargetError code, within its timeout, with the offending frame in the
// message where there is one; the next call on the session ends the same way, never hangs.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MtprotoBinding } from "../../src/bindings/mtproto/mtproto_binding.ts";
import type { TransportName } from "../../src/bindings/mtproto/transport.ts";
import { type TargetErrorCode, Transcript } from "../../src/client/index.ts";
import { type FakeServer, type Fault, startFakeServer, warmUp } from "./fake_server.ts";

const TIMEOUT_MS = 600;
before(warmUp);
const servers: FakeServer[] = [];
const bindings: MtprotoBinding[] = [];
after(async () => {
  for (const b of bindings) b.close();
  await Promise.all(servers.map((s) => s.close()));
});

interface Case {
  fault: Fault;
  code: TargetErrorCode;
  /** What the message must say (beyond its code). */
  says?: RegExp;
  transport?: TransportName;
}

const FRAME = /\(\d+ bytes\)/;

const CASES: Case[] = [
  { fault: "silence-after-req-pq", code: "TARGET_TIMEOUT" },
  { fault: "wrong-nonce", code: "TARGET_MTPROTO_BAD_NONCE", says: /resPQ echoes nonce/ },
  { fault: "wrong-server-nonce", code: "TARGET_MTPROTO_BAD_NONCE", says: /server_nonce/ },
  { fault: "wrong-fingerprint", code: "TARGET_MTPROTO_BAD_FINGERPRINT", says: /1234567890123/ },
  { fault: "unsafe-prime", code: "TARGET_MTPROTO_BAD_DH_PARAMS", says: /not the known safe 2048-bit prime/ },
  { fault: "g-out-of-range", code: "TARGET_MTPROTO_BAD_DH_PARAMS", says: /g = 9 is not in 2\.\.7/ },
  { fault: "g-residue", code: "TARGET_MTPROTO_BAD_DH_PARAMS", says: /g = 5 fails its residue condition/ },
  { fault: "g_a-out-of-range", code: "TARGET_MTPROTO_BAD_DH_PARAMS", says: /g_a/ },
  { fault: "bad-answer-hash", code: "TARGET_MTPROTO_BAD_DH_PARAMS", says: /SHA1/ },
  { fault: "bad-new-nonce-hash", code: "TARGET_MTPROTO_BAD_NONCE", says: /new_nonce_hash1/ },
  { fault: "dh-params-fail", code: "TARGET_MTPROTO_DH_FAILED", says: /server_DH_params_fail/ },
  { fault: "dh-gen-fail", code: "TARGET_MTPROTO_DH_FAILED", says: /dh_gen_fail/ },
  { fault: "encrypted-during-handshake", code: "TARGET_MTPROTO_BAD_AUTH_KEY_ID", says: FRAME },
  { fault: "transport-404", code: "TARGET_MTPROTO_TRANSPORT_ERROR", says: /-404/ },
  { fault: "truncated-frame", code: "TARGET_MTPROTO_TRANSPORT_ERROR", says: /inside a frame/ },
  { fault: "huge-frame", code: "TARGET_MTPROTO_TRANSPORT_ERROR", says: /over the cap/ },
  { fault: "bad-crc", code: "TARGET_MTPROTO_TRANSPORT_ERROR", says: /CRC32/, transport: "full" },
  { fault: "bad-msg-key", code: "TARGET_MTPROTO_BAD_MSG_KEY", says: FRAME },
  { fault: "wrong-auth-key-id", code: "TARGET_MTPROTO_BAD_AUTH_KEY_ID", says: FRAME },
  { fault: "wrong-session-id", code: "TARGET_MTPROTO_BAD_SESSION_ID" },
  { fault: "even-msg-id", code: "TARGET_MTPROTO_BAD_MSG_ID", says: /mod 4/ },
  { fault: "stale-msg-id", code: "TARGET_MTPROTO_BAD_MSG_ID", says: /from the server's time/ },
  { fault: "repeated-msg-id", code: "TARGET_MTPROTO_BAD_MSG_ID", says: /came twice/ },
  { fault: "bad-padding", code: "TARGET_MTPROTO_BAD_LENGTH", says: /padding/ },
  { fault: "plaintext-answer", code: "TARGET_MTPROTO_BAD_AUTH_KEY_ID", says: /plaintext/ },
  { fault: "gzip-garbage", code: "TARGET_MTPROTO_BAD_MESSAGE", says: /gzip_packed/ },
  { fault: "container-garbage", code: "TARGET_MTPROTO_BAD_MESSAGE", says: /contained message/ },
  { fault: "nested-container", code: "TARGET_MTPROTO_BAD_MESSAGE", says: /inside a msg_container/ },
  { fault: "body-garbage", code: "TARGET_MTPROTO_BAD_MESSAGE", says: FRAME },
  { fault: "bad-salt-always", code: "TARGET_MTPROTO_BAD_MSG_NOTIFICATION", says: /after the resend/ },
  {
    fault: "bad-msg-notification",
    code: "TARGET_MTPROTO_BAD_MSG_NOTIFICATION",
    says: /35 \(an odd msg_seqno/,
  },
  { fault: "silence-after-call", code: "TARGET_TIMEOUT", says: /no rpc_result/ },
];

const call = { _: "help.getInviteText", lang_code: "en" };

for (const c of CASES) {
  test(`${c.fault} → ${c.code}`, async () => {
    const server = await startFakeServer({ fault: c.fault });
    servers.push(server);
    const transcript = new Transcript();
    const binding = new MtprotoBinding(
      {
        target: server.url,
        rsaPublicKeyPem: server.publicPem,
        transport: c.transport ?? "intermediate",
        timeoutMs: TIMEOUT_MS,
      },
      transcript,
    );
    bindings.push(binding);
    const session = binding.openSession();
    for (const attempt of ["first", "second"]) {
      const started = performance.now();
      await assert.rejects(
        session.call(call, { layer: 2, role: "A" }),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, c.code, `${attempt} call: ${error.message}`);
          assert.ok(error.message.startsWith(`${c.code}: `), error.message);
          if (c.says) assert.match(error.message, c.says);
          return true;
        },
      );
      // The timeout plus what a loaded machine may add to a timer (two test files share two cores).
      assert.ok(performance.now() - started < TIMEOUT_MS + 1000, `${attempt} call ended within its timeout`);
    }
    assert.equal(transcript.entries[0]?.error?.code, c.code, "the failed exchange is in the transcript");
    assert.deepEqual(server.problems, [], "the client's own messages were right");
  });
}

test("random bodies in well-formed envelopes: 40 rounds, each an MTProto fault, no crash, no hang", async () => {
  const server = await startFakeServer({ fault: "random-body" });
  servers.push(server);
  const binding = new MtprotoBinding(
    { target: server.url, rsaPublicKeyPem: server.publicPem, timeoutMs: TIMEOUT_MS },
    new Transcript(),
  );
  bindings.push(binding);
  const codes = new Set<string>();
  for (let round = 0; round < 40; round += 1) {
    const session = binding.openSession();
    await assert.rejects(session.call(call, { layer: 1, role: "A" }), (error: Error & { code?: string }) => {
      assert.match(error.code ?? "", /^TARGET_(MTPROTO_|TIMEOUT)/, error.message);
      codes.add(error.code ?? "");
      return true;
    });
  }
  assert.ok(codes.has("TARGET_MTPROTO_BAD_MESSAGE"), [...codes].join(", "));
});
