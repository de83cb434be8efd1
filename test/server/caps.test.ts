// Bounded memory (docs/reference-server.md, "Limits"): each cap of the store, set small, with the
// eviction or refusal it documents. What leaves first is what is least likely to be asked for
// again: the least recently active account, the least recently used key, the oldest message.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ServerOptions } from "../../src/server/index.ts";
import {
  assertRpcError,
  type Body,
  importOf,
  inputPeer,
  inputUser,
  message,
  newKey,
  sendCode,
  signInCall,
  type TestAccount,
  TestServer,
} from "./harness.ts";

async function withServer(options: ServerOptions, body: (server: TestServer) => Promise<void>) {
  const server = await TestServer.start(options);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

const state = (server: TestServer, account: TestAccount) => server.call(account, { _: "updates.getState" });

test("maxAccounts: one more sign-up forgets the least recently active account, its keys and its relations", () =>
  withServer({ maxAccounts: 3 }, async (server) => {
    const [a, b, c] = [await server.signUp(), await server.signUp(), await server.signUp()];
    await server.ok(c, importOf(b.phone));
    await server.ok(a, importOf(b.phone));
    // b is now the least recently active: a and c made requests after b's sign-up.
    const d = await server.signUp();
    assertRpcError(await state(server, b), 401, "AUTH_KEY_UNREGISTERED");
    for (const x of [a, c, d]) assert.equal((await state(server, x)).status, 200);
    assert.equal((await server.call(newKey(), sendCode(b.phone))).body.phone_registered, false);
    const contacts = await server.ok(a, { _: "contacts.getContacts", hash: "" });
    assert.deepEqual(contacts.contacts, [], "b left a's contacts with its account");
    assertRpcError(
      await server.call(a, { _: "users.getUsers", id: [{ _: "inputUserContact", user_id: b.id }] }),
      400,
      "USER_ID_INVALID",
    );
  }));

test("maxKeysPerAccount: signing in on one more key unbinds the account's least recently used key", () =>
  withServer({ maxKeysPerAccount: 2 }, async (server) => {
    const a = await server.signUp();
    const signIn = async () => {
      const key = newKey();
      const hash = (await server.call(key, sendCode(a.phone))).body.phone_code_hash;
      assert.equal((await server.call(key, signInCall(a.phone, hash))).status, 200);
      return key;
    };
    const second = await signIn();
    assert.equal((await state(server, a)).status, 200); // a.key is now the more recently used
    const third = await signIn();
    assertRpcError(await server.call(second, { _: "updates.getState" }), 401, "AUTH_KEY_UNREGISTERED");
    assert.equal((await state(server, a)).status, 200);
    assert.equal((await server.call(third, { _: "updates.getState" })).status, 200);
  }));

test("maxMessagesPerAccount: the oldest messages of a box go first; dialogs and counts follow", () =>
  withServer({ maxMessagesPerAccount: 5 }, async (server) => {
    const [a, b, c] = [await server.signUp(), await server.signUp(), await server.signUp()];
    await server.ok(a, importOf(b.phone));
    await server.ok(a, importOf(c.phone));
    const first = await server.ok(a, message(inputPeer(a, c), "to c"));
    for (let i = 0; i < 5; i++) await server.ok(a, message(inputPeer(a, b), `to b ${i}`));
    const forward = (id: unknown) => ({
      _: "messages.forwardMessage",
      peer: inputPeer(a, b),
      id,
      random_id: "1",
    });
    assertRpcError(await server.call(a, forward(first.id), 3), 400, "MESSAGE_ID_INVALID");
    assert.equal((await server.call(a, forward((first.id as number) + 1), 3)).status, 200);
    const dialogs = await server.ok(a, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 });
    assert.deepEqual(
      (dialogs.dialogs as Body[]).map((d) => (d.peer as Body).user_id),
      [b.id],
      "the dialog with c left with its last message",
    );
    for (let i = 0; i < 7; i++) await server.ok(a, message(inputPeer(a, c), `c ${i}`));
    assert.equal((await server.ok(c, { _: "updates.getState" })).unread_count, 5, "c keeps 5 of its 8");
  }));

test("maxUpdatesPerAccount: getDifference from an evicted pts starts at the oldest update kept", () =>
  withServer({ maxUpdatesPerAccount: 4 }, async (server) => {
    const [a, b] = [await server.signUp(), await server.signUp()];
    await server.ok(a, importOf(b.phone));
    for (let i = 0; i < 8; i++) await server.ok(a, message(inputPeer(a, b), `m${i}`));
    const diff = await server.ok(b, { _: "updates.getDifference", pts: 0, date: 0 });
    assert.equal(diff._, "updates.difference");
    assert.deepEqual(
      (diff.new_messages as Body[]).map((m) => m.message),
      ["m4", "m5", "m6", "m7"],
    );
  }));

test("maxStoredMessages and maxStoredUpdates: past them the oldest anywhere goes, whichever box holds it", () =>
  withServer({ maxStoredMessages: 4, maxStoredUpdates: 100 }, async (server) => {
    const [a, b] = [await server.signUp(), await server.signUp()];
    await server.ok(a, importOf(b.phone));
    const sent: Body[] = [];
    for (let i = 0; i < 3; i++) sent.push(await server.ok(a, message(inputPeer(a, b), `m${i}`)));
    // Six copies were made (a's and b's); the four newest are kept: m1 and m2 in both boxes.
    const diff = await server.ok(b, { _: "updates.getDifference", pts: 0, date: 0 });
    assert.deepEqual(
      (diff.new_messages as Body[]).map((m) => m.message),
      ["m1", "m2"],
    );
    const forward = (id: unknown) => ({
      _: "messages.forwardMessage",
      peer: inputPeer(a, b),
      id,
      random_id: "1",
    });
    assertRpcError(await server.call(a, forward(sent[0]?.id), 3), 400, "MESSAGE_ID_INVALID");
  }).then(() =>
    withServer({ maxStoredUpdates: 3 }, async (server) => {
      const [a, b] = [await server.signUp(), await server.signUp()];
      await server.ok(a, importOf(b.phone));
      for (let i = 0; i < 3; i++) await server.ok(a, message(inputPeer(a, b), `m${i}`));
      // The three newest updates anywhere: b's copy of m1, a's of m2, b's of m2.
      const texts = async (x: TestAccount) =>
        ((await server.ok(x, { _: "updates.getDifference", pts: 0, date: 0 })).new_messages as Body[]).map(
          (m) => m.message,
        );
      assert.deepEqual(await texts(a), ["m2"]);
      assert.deepEqual(await texts(b), ["m1", "m2"]);
    }),
  ));

test("maxContactsPerAccount: an import past it is refused with CONTACTS_TOO_MUCH and changes nothing", () =>
  withServer({ maxContactsPerAccount: 2 }, async (server) => {
    const [a, b, c, d] = [
      await server.signUp(),
      await server.signUp(),
      await server.signUp(),
      await server.signUp(),
    ];
    await server.ok(a, importOf(b.phone));
    await server.ok(a, importOf(c.phone));
    assertRpcError(await server.call(a, importOf(d.phone)), 400, "CONTACTS_TOO_MUCH");
    assert.equal(
      ((await server.ok(a, { _: "contacts.getContacts", hash: "" })).contacts as Body[]).length,
      2,
    );
    // Re-importing a contact already held is no more contacts.
    assert.equal((await server.call(a, importOf(b.phone))).status, 200);
  }));

test("maxChats: one chat more forgets the oldest, which then shows as chatEmpty and takes no message", () =>
  withServer({ maxChats: 2 }, async (server) => {
    const [a, b] = [await server.signUp(), await server.signUp()];
    await server.ok(a, importOf(b.phone));
    const chatIds: number[] = [];
    for (const title of ["one", "two", "three"]) {
      const made = await server.ok(a, { _: "messages.createChat", users: [inputUser(a, b)], title });
      chatIds.push(((made.message as Body).to_id as Body).chat_id as number);
    }
    const toFirst = {
      _: "messages.sendMessage",
      peer: { _: "inputPeerChat", chat_id: chatIds[0] },
      message: "x",
      random_id: "1",
    };
    assertRpcError(await server.call(a, toFirst), 400, "PEER_ID_INVALID");
    const dialogs = await server.ok(a, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 });
    const chats = new Map((dialogs.chats as Body[]).map((chat) => [chat.id, chat._]));
    assert.deepEqual(
      chatIds.map((id) => chats.get(id)),
      ["chatEmpty", "chat", "chat"],
    );
  }));
