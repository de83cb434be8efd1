// The store's incremental indexes against a recomputation from scratch, under caps: the dialog
// index and unread counters of each box, the update log's pts arithmetic, the server-wide caps,
// and an evicted account leaving no trace in the others.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { resolveLimits } from "../limits.ts";
import { type Box, conversationOf, Store, type StoredMessage } from "./index.ts";

function recomputed(box: Box) {
  const dialogs = new Map<number, { top: number; unread: number }>();
  for (const m of box.messages.values()) {
    const key = conversationOf(m);
    const unread = (dialogs.get(key)?.unread ?? 0) + (!m.out && m.unread ? 1 : 0);
    dialogs.set(key, { top: m.id, unread });
  }
  return dialogs;
}

function indexed(box: Box) {
  return new Map([...box.dialogs].map(([key, d]) => [key, { top: d.top.id, unread: d.unread }]));
}

const message = (peer: StoredMessage["peer"], out: boolean): Omit<StoredMessage, "id"> => ({
  fromId: 1,
  peer,
  out,
  unread: true,
  date: 0,
  text: "t",
  media: { _: "messageMediaEmpty" },
});

const add = fc.record({
  owner: fc.integer({ min: 0, max: 1 }),
  peer: fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((user) => ({ user })),
    fc.integer({ min: 1, max: 2 }).map((chat) => ({ chat })),
  ),
  out: fc.boolean(),
});

test("dialogs, unread counts and the update log stay what a walk of the box would say, under every cap", () => {
  fc.assert(
    fc.property(fc.array(add, { maxLength: 60 }), (adds) => {
      const limits = resolveLimits({
        maxMessagesPerAccount: 7,
        maxUpdatesPerAccount: 6,
        maxStoredMessages: 11,
        maxStoredUpdates: 9,
      });
      const store = new Store(100, limits);
      const boxes = [store.createAccount("1", "a", ""), store.createAccount("2", "b", "")].map((a) => a.box);
      for (const { owner, peer, out } of adds) {
        const box = boxes[owner] as Box;
        const stored = box.addMessage(message(peer, out));
        box.addUpdate({ kind: "message", messageId: stored.id });
        for (const b of boxes) {
          assert.deepEqual(indexed(b), recomputed(b));
          assert.equal(b.unread, [...b.messages.values()].filter((m) => !m.out && m.unread).length);
          assert.ok(b.messages.size <= 7 && b.updates.size <= 6);
          const kept = b.updates.values().map((u) => u.pts);
          assert.deepEqual(
            kept,
            kept.map((_, i) => (kept[0] ?? 0) + i),
            "pts contiguous",
          );
          assert.equal(kept.at(-1) ?? b.pts, b.pts);
          assert.deepEqual(
            b.updates.after(b.pts - 2, 10).map((u) => u.pts),
            kept.filter((p) => p > b.pts - 2),
          );
        }
        const total = (f: (b: Box) => number) => boxes.reduce((n, b) => n + f(b), 0);
        assert.ok(total((b) => b.messages.size) <= 11 && total((b) => b.updates.size) <= 9);
      }
    }),
    { numRuns: 200 },
  );
});

test("the update log keeps its memory to its cap however long it runs", () => {
  const store = new Store(100, resolveLimits({ maxUpdatesPerAccount: 100 }));
  const box = store.createAccount("1", "a", "").box;
  for (let i = 0; i < 100_000; i++) box.addUpdate({ kind: "link", update: { _: "u" }, userId: 1 });
  assert.equal(box.updates.size, 100);
  assert.equal(box.updates.oldest?.pts, 99_901);
  assert.deepEqual(
    box.updates.after(0, 2).map((u) => u.pts),
    [99_901, 99_902],
  );
});

test("an evicted account leaves no key, contact, reveal or stored item behind", () => {
  const store = new Store(100, resolveLimits({ maxAccounts: 2 }));
  const a = store.createAccount("1", "a", "");
  const b = store.createAccount("2", "b", "");
  store.bind("key-a", a.id);
  store.bind("key-b", b.id);
  store.addContact(b.id, a.id);
  store.addContact(a.id, b.id);
  store.reveal(b.id, a.id);
  store.reveal(a.id, b.id);
  a.box.addMessage(message({ user: b.id }, true));
  store.touch("key-b");
  const c = store.createAccount("3", "c", "");
  assert.deepEqual([...store.accounts.keys()], [b.id, c.id]);
  assert.equal(store.sessions.get("key-a"), undefined);
  assert.equal(store.accountByPhone.has("1"), false);
  for (const set of [b.contacts, b.importers, b.sees, b.seenBy]) assert.equal(set.has(a.id), false);
  assert.equal(store.seesPhone(b.id, a.id), false);
  // Its box's items left the server-wide caps.
  assert.deepEqual(store.stored, { messages: 0, updates: 0 });
});
