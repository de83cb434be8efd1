// Bounded work per request (docs/reference-server.md, "Limits"): every vector a call may carry
// has a limit checked before anything walks it, duplicates are handled once, stored texts have
// lengths, getDialogs has a maximum. Each refusal is a documented rpc_error and changes nothing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { VECTOR_LIMITS } from "../../src/server/index.ts";
import { METHODS } from "../../src/server/methods/index.ts";
import { layerSchema } from "../../src/tl/index.ts";
import {
  assertRpcError,
  type Body,
  importOf,
  inputPeer,
  inputUser,
  message,
  newKey,
  sendCode,
  serverForThisFile,
  signUpCall,
  type TestAccount,
  TestServer,
} from "./harness.ts";

const serverOf = serverForThisFile();

async function pair(): Promise<[TestAccount, TestAccount]> {
  const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(a, importOf(b.phone));
  return [a, b];
}

async function snapshot(account: TestAccount): Promise<string> {
  const server = serverOf();
  const parts = await Promise.all([
    server.ok(account, { _: "contacts.getContacts", hash: "" }),
    server.ok(account, { _: "updates.getState" }),
    server.ok(account, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 }),
  ]);
  return JSON.stringify(parts.map((p) => ({ ...p, date: 0 })));
}

async function refused(account: TestAccount, call: Record<string, unknown>, message: string): Promise<void> {
  const before = await snapshot(account);
  assertRpcError(await serverOf().call(account, call), 400, message);
  assert.equal(await snapshot(account), before, `${String(call._)} refused yet changed state`);
}

test("every Vector parameter of every implemented method has a limit", () => {
  for (const layer of [1, 2, 3] as const) {
    for (const fn of layerSchema(layer).tl.functions) {
      if (!METHODS[fn.name]) continue;
      for (const param of fn.params.filter((p) => p.type.startsWith("Vector<"))) {
        const limits = VECTOR_LIMITS[fn.name] ?? [];
        assert.ok(
          limits.some((l) => l.field === param.name),
          `${fn.name}.${param.name} (layer ${layer}) has no limit`,
        );
      }
    }
  }
});

test("the amplification request: one id 200,000 times is refused at once and stores nothing", async () => {
  const [a, b] = await pair();
  const note = await serverOf().ok(a, message({ _: "inputPeerSelf" }));
  const before = await snapshot(a);
  const body = JSON.stringify({
    _: "messages.forwardMessages",
    peer: inputPeer(a, b),
    id: Array.from({ length: 200_000 }, () => note.id),
  });
  const started = performance.now();
  const answer = await serverOf().raw(body, a.key);
  assert.ok(performance.now() - started < 1_000, "answered in well under a second");
  // 391 KiB is over the 256 KiB body limit; the vector limit is tested below, under the body limit.
  assertRpcError(answer, 413, "INPUT_REQUEST_INVALID");
  assert.equal(await snapshot(a), before);
});

test("forwardMessages: past maxForwardIds ids → MESSAGE_IDS_TOO_MUCH; an id named twice is forwarded once", async () => {
  const [a, b] = await pair();
  const note = await serverOf().ok(a, message({ _: "inputPeerSelf" }));
  const forward = (id: unknown[]) => ({ _: "messages.forwardMessages", peer: inputPeer(a, b), id });
  await refused(a, forward(Array.from({ length: 50_000 }, () => note.id)), "MESSAGE_IDS_TOO_MUCH");
  await refused(a, forward(Array.from({ length: 101 }, () => note.id)), "MESSAGE_IDS_TOO_MUCH");
  const once = await serverOf().ok(a, forward([note.id, note.id, note.id]));
  assert.equal((once.messages as Body[]).length, 1);
  const diff = await serverOf().ok(b, { _: "updates.getDifference", pts: 0, date: 0 });
  assert.equal((diff.new_messages as Body[]).length, 1);
});

test("a forward that would store more than maxCopiesPerSend copies (messages × members) is refused", async () => {
  const server = await TestServer.start({ maxCopiesPerSend: 5 });
  try {
    const [a, b, c] = [await server.signUp(), await server.signUp(), await server.signUp()];
    for (const x of [b, c]) await server.ok(a, importOf(x.phone));
    const made = await server.ok(a, {
      _: "messages.createChat",
      users: [inputUser(a, b), inputUser(a, c)],
      title: "t",
    });
    const chat = { _: "inputPeerChat", chat_id: ((made.message as Body).to_id as Body).chat_id };
    const notes = [
      await server.ok(a, message({ _: "inputPeerSelf" })),
      await server.ok(a, message({ _: "inputPeerSelf" })),
    ];
    const forward = (ids: unknown[]) => ({ _: "messages.forwardMessages", peer: chat, id: ids });
    const pts = async () => (await server.ok(c, { _: "updates.getState" })).pts;
    const before = await pts();
    assertRpcError(await server.call(a, forward(notes.map((n) => n.id))), 400, "MESSAGE_IDS_TOO_MUCH");
    assert.equal(await pts(), before, "nothing reached the members");
    assert.equal((await server.call(a, forward([notes[0]?.id]))).status, 200, "1 message × 3 members");
    const toUser = { _: "messages.forwardMessages", peer: inputPeer(a, b), id: notes.map((n) => n.id) };
    assert.equal((await server.call(a, toUser)).status, 200, "2 messages × 2 boxes");
  } finally {
    await server.close();
  }
});

test("importContacts past maxImportContacts → CONTACTS_TOO_MUCH; the same phone twice is one contact", async () => {
  const [a, b] = await pair();
  const contact = (i: number) => ({
    _: "inputPhoneContact",
    client_id: String(i + 1),
    phone: b.phone,
    first_name: "B",
    last_name: "",
  });
  const call = (n: number) => ({
    _: "contacts.importContacts",
    contacts: Array.from({ length: n }, (_, i) => contact(i)),
    replace: false,
  });
  await refused(a, call(101), "CONTACTS_TOO_MUCH");
  const twice = await serverOf().ok(a, call(2));
  assert.equal((twice.users as Body[]).length, 1);
  const contacts = await serverOf().ok(a, { _: "contacts.getContacts", hash: "" });
  assert.equal((contacts.contacts as Body[]).length, 1);
});

test("getUsers and deleteContacts past maxUsersPerCall → USERS_TOO_MUCH", async () => {
  const [a, b] = await pair();
  const ids = Array.from({ length: 101 }, () => inputUser(a, b));
  await refused(a, { _: "users.getUsers", id: ids }, "USERS_TOO_MUCH");
  await refused(a, { _: "contacts.deleteContacts", id: ids }, "USERS_TOO_MUCH");
  assert.equal(
    ((await serverOf().ok(a, { _: "users.getUsers", id: ids.slice(0, 100) })) as unknown as Body[]).length,
    100,
  );
});

test("createChat past maxChatUsers members (its creator included) → USERS_TOO_MUCH", async () => {
  const [a, b] = await pair();
  const users = Array.from({ length: 100 }, () => inputUser(a, b));
  await refused(
    a,
    { _: "messages.createChat", users: [...users, inputUser(a, b)], title: "t" },
    "USERS_TOO_MUCH",
  );
  // A hundred names of one user are one member.
  assert.equal((await serverOf().call(a, { _: "messages.createChat", users, title: "t" })).status, 200);
});

test("texts the server stores have lengths: a message, a name, a chat title, a contact medium", async () => {
  const [a, b] = await pair();
  const peer = inputPeer(a, b);
  await refused(a, message(peer, "x".repeat(4097)), "MESSAGE_TOO_LONG");
  assert.equal((await serverOf().call(a, message(peer, "x".repeat(4096)))).status, 200);
  await refused(
    a,
    { _: "messages.createChat", users: [inputUser(a, b)], title: "t".repeat(129) },
    "CHAT_TITLE_TOO_LONG",
  );
  const media = { _: "inputMediaContact", phone_number: b.phone, first_name: "n".repeat(65), last_name: "" };
  await refused(a, { _: "messages.sendMedia", peer, media, random_id: "1" }, "MEDIA_INVALID");
  const phone = "9996689999";
  const key = newKey();
  const hash = (await serverOf().call(key, sendCode(phone))).body.phone_code_hash;
  const long = "n".repeat(65);
  assertRpcError(
    await serverOf().call(key, signUpCall(phone, hash, { first_name: long, last_name: "" })),
    400,
    "FIRSTNAME_INVALID",
  );
  assertRpcError(
    await serverOf().call(key, signUpCall(phone, hash, { first_name: "N", last_name: long })),
    400,
    "LASTNAME_INVALID",
  );
  assert.equal(
    (await serverOf().call(key, signUpCall(phone, hash, { first_name: "N", last_name: "n".repeat(64) })))
      .status,
    200,
  );
});

test("a string holding a lone UTF-16 surrogate is refused: no UTF-8 text can carry it", async () => {
  const [a, b] = await pair();
  const before = await snapshot(a);
  const body = `{"_":"messages.sendMessage","peer":${JSON.stringify(inputPeer(a, b))},"message":"x\\ud800","random_id":"1"}`;
  assertRpcError(await serverOf().raw(body, a.key), 400, "INPUT_REQUEST_INVALID");
  assert.equal(await snapshot(a), before);
  assert.equal((await serverOf().call(a, message(inputPeer(a, b), "pair \ud83d\ude00 kept"))).status, 200);
});
