// Sign-in codes (docs/reference-server.md, "Sign-in"): a phone_code_hash is used up by the
// sign-in it allows, lapses, belongs to the key that asked for it, and another key asking for
// the same phone's code does not cancel it. The two flows of the harness keep working.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assertRpcError,
  type Body,
  newKey,
  sendCode,
  serverForThisFile,
  signInCall,
  signUpCall,
  TestServer,
} from "./harness.ts";

const serverOf = serverForThisFile();
let next = 0;
/** A test number no other test of this file uses. */
const freshPhone = () => `9996670${String(next++).padStart(3, "0")}`;

async function codeFor(server: TestServer, key: string, phone: string): Promise<string> {
  const sent = await server.call(key, sendCode(phone));
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return String(sent.body.phone_code_hash);
}

test("the harness's flows: sendCode then signUp on one key, later sendCode then signIn on a new key", async () => {
  const phone = freshPhone();
  const first = newKey();
  const signedUp = await serverOf().call(first, signUpCall(phone, await codeFor(serverOf(), first, phone)));
  assert.equal(signedUp.status, 200);
  const second = newKey();
  const signedIn = await serverOf().call(second, signInCall(phone, await codeFor(serverOf(), second, phone)));
  assert.equal(signedIn.status, 200);
  assert.equal((signedIn.body.user as Body).id, (signedUp.body.user as Body).id);
  for (const key of [first, second])
    assert.equal((await serverOf().call(key, { _: "updates.getState" })).status, 200);
});

test("a phone_code_hash is single-use: the same sign-up or sign-in replayed answers PHONE_CODE_EXPIRED", async () => {
  const phone = freshPhone();
  const key = newKey();
  const hash = await codeFor(serverOf(), key, phone);
  assert.equal((await serverOf().call(key, signUpCall(phone, hash))).status, 200);
  assertRpcError(await serverOf().call(key, signUpCall(phone, hash)), 400, "PHONE_CODE_EXPIRED");
  assertRpcError(await serverOf().call(key, signInCall(phone, hash)), 400, "PHONE_CODE_EXPIRED");
  const other = newKey();
  const again = await codeFor(serverOf(), other, phone);
  assert.equal((await serverOf().call(other, signInCall(phone, again))).status, 200);
  assertRpcError(await serverOf().call(other, signInCall(phone, again)), 400, "PHONE_CODE_EXPIRED");
});

test("a wrong code does not use the hash up; a hash no one was given is expired", async () => {
  const phone = freshPhone();
  const key = newKey();
  const hash = await codeFor(serverOf(), key, phone);
  const wrong = { ...signUpCall(phone, hash), phone_code: "00000" };
  assertRpcError(await serverOf().call(key, wrong), 400, "PHONE_CODE_INVALID");
  assertRpcError(
    await serverOf().call(key, signUpCall(phone, "0123456789abcdef")),
    400,
    "PHONE_CODE_EXPIRED",
  );
  assert.equal((await serverOf().call(key, signUpCall(phone, hash))).status, 200);
});

test("another key's sendCode for the same phone does not cancel the owner's pending sign-in", async () => {
  const phone = freshPhone();
  const owner = newKey();
  const hash = await codeFor(serverOf(), owner, phone);
  const intruder = newKey();
  const theirs = await codeFor(serverOf(), intruder, phone);
  assert.notEqual(theirs, hash);
  assert.equal((await serverOf().call(owner, signUpCall(phone, hash))).status, 200);
  // The intruder's own code still works for it, but the owner's hash never did.
  assertRpcError(await serverOf().call(intruder, signInCall(phone, hash)), 400, "PHONE_CODE_EXPIRED");
  assert.equal((await serverOf().call(intruder, signInCall(phone, theirs))).status, 200);
});

test("a hash belongs to the key that asked for it and to its phone", async () => {
  const phone = freshPhone();
  const owner = newKey();
  const hash = await codeFor(serverOf(), owner, phone);
  assertRpcError(await serverOf().call(newKey(), signUpCall(phone, hash)), 400, "PHONE_CODE_INVALID");
  const otherPhone = freshPhone();
  assertRpcError(await serverOf().call(owner, signUpCall(otherPhone, hash)), 400, "PHONE_CODE_INVALID");
  assert.equal((await serverOf().call(owner, signUpCall(phone, hash))).status, 200);
});

test("asking again on the same key replaces that key's earlier code", async () => {
  const phone = freshPhone();
  const key = newKey();
  const first = await codeFor(serverOf(), key, phone);
  const second = await codeFor(serverOf(), key, phone);
  assertRpcError(await serverOf().call(key, signUpCall(phone, first)), 400, "PHONE_CODE_EXPIRED");
  assert.equal((await serverOf().call(key, signUpCall(phone, second))).status, 200);
});

test("a code lapses after codeLifetimeMs", async () => {
  const server = await TestServer.start({ codeLifetimeMs: 150 });
  try {
    const phone = freshPhone();
    const key = newKey();
    const hash = await codeFor(server, key, phone);
    await new Promise((resolve) => setTimeout(resolve, 250));
    assertRpcError(await server.call(key, signUpCall(phone, hash)), 400, "PHONE_CODE_EXPIRED");
    assert.equal((await server.call(key, signUpCall(phone, await codeFor(server, key, phone)))).status, 200);
  } finally {
    await server.close();
  }
});

test("at most maxCodesPerPhone keys wait on one phone; one more is refused with 420 FLOOD_WAIT_N", async () => {
  const server = await TestServer.start({ maxCodesPerPhone: 2 });
  try {
    const phone = freshPhone();
    const [owner, other] = [newKey(), newKey()];
    const hash = await codeFor(server, owner, phone);
    await codeFor(server, other, phone);
    const refused = await server.call(newKey(), sendCode(phone));
    assert.equal(refused.status, 420);
    assert.match(String(refused.body.error_message), /^FLOOD_WAIT_[1-9]\d*$/);
    // The same key asking again is not one more key.
    await codeFor(server, other, phone);
    assert.equal((await server.call(owner, signUpCall(phone, hash))).status, 200);
  } finally {
    await server.close();
  }
});

test("at most maxPendingCodes codes wait in all: one more lapses the oldest", async () => {
  const server = await TestServer.start({ maxPendingCodes: 2 });
  try {
    const phones = [freshPhone(), freshPhone(), freshPhone()];
    const keys = phones.map(() => newKey());
    const hashes: string[] = [];
    for (const [i, phone] of phones.entries()) hashes.push(await codeFor(server, keys[i] as string, phone));
    assertRpcError(
      await server.call(keys[0] as string, signUpCall(phones[0] as string, hashes[0])),
      400,
      "PHONE_CODE_EXPIRED",
    );
    for (const i of [1, 2]) {
      const signed = await server.call(keys[i] as string, signUpCall(phones[i] as string, hashes[i]));
      assert.equal(signed.status, 200);
    }
  } finally {
    await server.close();
  }
});
