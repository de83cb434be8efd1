// Every row of the binding's error table: the rpc_error, HTTP status = error_code, JSON content
// type, and state unchanged afterwards. Then garbage of every shape: never a crash, never a 500.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { type Body, importOf, inputPeer, meet, type TestAccount, TestServer } from "./harness.ts";

let server: TestServer;
let a: TestAccount;
let b: TestAccount;
before(async () => {
  server = await TestServer.start();
  [a, b] = [await server.signUp(), await server.signUp()];
  await meet(server, await server.signUp(), a, b);
});
after(() => server.close());

async function state(account: TestAccount): Promise<string> {
  const contacts = await server.ok(account, { _: "contacts.getContacts", hash: "" });
  const st = await server.ok(account, { _: "updates.getState" });
  return JSON.stringify([contacts.contacts, st.pts]);
}

/** `key`: the caller's key by default, null for no Authorization header at all. */
async function expectError(
  body: string,
  status: number,
  messages: string[],
  key: string | null = a.key,
): Promise<void> {
  const before = await state(a);
  const answer = await server.raw(body, key ?? undefined);
  assert.equal(answer.status, status, `${body.slice(0, 80)} → ${JSON.stringify(answer.body)}`);
  assert.match(answer.contentType, /^application\/json/);
  const error = answer.body as Body;
  assert.equal(error._, "rpc_error");
  assert.equal(error.error_code, status);
  assert.ok(
    messages.includes(String(error.error_message)),
    `${String(error.error_message)} not in ${messages}`,
  );
  assert.equal(await state(a), before, "state unchanged");
}

const importB = () => importOf(b.phone);

test("bad bodies: not JSON, not an object", async () => {
  await expectError("{not json", 400, ["INPUT_REQUEST_INVALID"]);
  await expectError("[1]", 400, ["INPUT_REQUEST_INVALID"]);
  await expectError('"x"', 400, ["INPUT_REQUEST_INVALID"]);
  await expectError('{"x":1}', 400, ["INPUT_REQUEST_INVALID"]);
});

test("unknown method, constructor as method, method of a later layer", async () => {
  await expectError('{"_":"contacts.importEverything"}', 400, ["INPUT_METHOD_INVALID"]);
  await expectError('{"_":"userEmpty","id":1}', 400, ["INPUT_METHOD_INVALID"]);
  const forward = { _: "messages.forwardMessage", peer: { _: "inputPeerSelf" }, id: 1, random_id: "1" };
  await expectError(JSON.stringify(forward), 400, ["INPUT_METHOD_INVALID"]);
  await expectError(JSON.stringify({ _: "invokeWithLayer2", query: forward }), 400, ["INPUT_METHOD_INVALID"]);
});

test("wrong types, extra and missing fields, unknown layer wrapper", async () => {
  const call = importB();
  const contact = call.contacts[0] as Body;
  await expectError(JSON.stringify({ ...call, contacts: [{ ...contact, client_id: 7 }] }), 400, [
    "INPUT_REQUEST_INVALID",
  ]);
  await expectError(JSON.stringify({ ...call, contacts: [{ ...contact, extra: 1 }] }), 400, [
    "INPUT_REQUEST_INVALID",
  ]);
  await expectError(JSON.stringify({ ...call, replace: undefined }), 400, ["INPUT_REQUEST_INVALID"]);
  await expectError('{"_":"contacts.getContacts","hash":"","__proto__":{"polluted":true}}', 400, [
    "INPUT_REQUEST_INVALID",
  ]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  await expectError(JSON.stringify({ _: "invokeWithLayer99", query: call }), 400, ["INPUT_LAYER_INVALID"]);
  await expectError(
    JSON.stringify({ _: "invokeWithLayer3", query: { _: "invokeWithLayer2", query: call } }),
    400,
    ["INPUT_REQUEST_INVALID"],
  );
});

test("keys, codes, phones and peers", async () => {
  await expectError('{"_":"contacts.getContacts","hash":""}', 401, ["AUTH_KEY_UNREGISTERED"], null);
  await expectError(
    '{"_":"contacts.getContacts","hash":""}',
    401,
    ["AUTH_KEY_UNREGISTERED"],
    randomBytes(32).toString("hex"),
  );
  await expectError('{"_":"auth.sendCode","phone_number":"12","sms_type":0,"api_id":1,"api_hash":"x"}', 400, [
    "PHONE_NUMBER_INVALID",
  ]);
  const key = randomBytes(32).toString("hex");
  const sent = await server.call(key, {
    _: "auth.sendCode",
    phone_number: "9996651111",
    sms_type: 0,
    api_id: 1,
    api_hash: "x",
  });
  const signUp = {
    _: "auth.signUp",
    phone_number: "9996651111",
    phone_code_hash: sent.body.phone_code_hash,
    phone_code: "12345",
    first_name: "X",
    last_name: "",
  };
  await expectError(JSON.stringify(signUp), 400, ["PHONE_CODE_INVALID"], key);
  const peer = inputPeer(a, b);
  const wrongHash = { ...peer, access_hash: (BigInt(String(peer.access_hash)) + 1n).toString() };
  await expectError(
    JSON.stringify({ _: "messages.sendMessage", peer: wrongHash, message: "x", random_id: "1" }),
    400,
    ["PEER_ID_INVALID"],
  );
  await expectError(
    JSON.stringify({ _: "users.getUsers", id: [{ _: "inputUserContact", user_id: b.id }] }),
    400,
    ["USER_ID_INVALID"],
  );
});

test("bodies over the limit get 413 and the server stays up", async () => {
  const huge = JSON.stringify({ _: "messages.sendMessage", message: "x".repeat(2 * 1024 * 1024) });
  const answer = await server
    .raw(huge, a.key)
    .catch((e: Error) => ({ status: 0, body: e.message, contentType: "" }));
  assert.ok(answer.status === 413 || answer.status === 0, `413 or a closed connection, got ${answer.status}`);
  assert.equal((await server.call(a, { _: "updates.getState" })).status, 200);
});

test("garbage never crashes the server and never gets a 500", async () => {
  const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
  const deepObject = `${'{"_":"users.getUsers","id":'.repeat(1)}${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
  const bodies = [
    deep,
    deepObject,
    "\u0000\u0001\u0002",
    "",
    "null",
    "1e999",
    '{"_":null}',
    '{"_":{"_":"x"}}',
    '{"_":"users.getUsers","id":"not a vector"}',
    '{"_":"users.getUsers","id":[{"_":"inputUserForeign","user_id":1,"access_hash":"99999999999999999999"}]}',
    '{"_":"messages.sendMessage","peer":{"_":"inputPeerContact","user_id":-1},"message":"\\ud800","random_id":"1"}',
    `{"_":"messages.sendMessage","peer":{"_":"inputPeerSelf"},"message":"${"y".repeat(500_000)}","random_id":"1"}`,
  ];
  for (const body of bodies) {
    const answer = await server.raw(body, a.key);
    assert.ok(answer.status < 500, `${body.slice(0, 40)} → ${answer.status}`);
  }
  assert.equal((await server.call(a, { _: "updates.getState" })).status, 200);
});

test("concurrent first messages: the change happens once; its sender gets the link, the other one update", async () => {
  const [x, y, maker] = [await server.signUp(), await server.signUp(), await server.signUp()];
  await server.ok(x, importOf(y.phone));
  await meet(server, maker, x, y);
  const xPts = (await server.ok(x, { _: "updates.getState" })).pts as number;
  const yPts = (await server.ok(y, { _: "updates.getState" })).pts as number;
  const sends = Array.from({ length: 40 }, (_, i) =>
    server.ok(
      i % 2 === 0 ? x : y,
      {
        _: "messages.sendMessage",
        peer: i % 2 === 0 ? inputPeer(x, y) : inputPeer(y, x),
        message: `m${i}`,
        random_id: String(i + 1),
      },
      3,
    ),
  );
  const results = await Promise.all(sends);
  // Whichever send the server takes first changes both links at once; no later one changes any.
  const linked = results.flatMap((r, i) => (r._ === "messages.sentMessageLink" ? [i] : []));
  assert.equal(linked.length, 1, "exactly one send reports a change");
  const updatesOf = async (who: TestAccount, since: number, about: number) =>
    (
      ((await server.ok(who, { _: "updates.getDifference", pts: since, date: 0 })).other_updates as Body[]) ??
      []
    ).filter((u) => u._ === "updateContactLink" && u.user_id === about);
  const [toY, toX] = [(await updatesOf(y, yPts, x.id)).length, (await updatesOf(x, xPts, y.id)).length];
  const firstSenderIsX = (linked[0] ?? 0) % 2 === 0;
  assert.deepEqual(
    [toX, toY],
    firstSenderIsX ? [0, 1] : [1, 0],
    "the other party gets one update, the sender none",
  );
});
