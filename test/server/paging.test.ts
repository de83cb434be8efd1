// Answers of bounded size: getDifference in updates.differenceSlice pages of differencePageSize
// updates (followed by intermediate_state.pts, docs/binding.md), and getDialogs at most
// maxDialogs dialogs whatever limit it is asked for.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Body, importOf, inputPeer, message, type TestAccount, TestServer } from "./harness.ts";

let server: TestServer;
before(async () => {
  server = await TestServer.start({ differencePageSize: 5, maxDialogs: 3 });
});
after(() => server.close());

/** Follows the slices from `pts` to the end, as docs/binding.md says a client does. */
async function follow(account: TestAccount, pts: number): Promise<{ pages: Body[]; texts: string[] }> {
  const pages: Body[] = [];
  for (let at = pts; pages.length < 100; ) {
    const page = await server.ok(account, { _: "updates.getDifference", pts: at, date: 0 });
    pages.push(page);
    if (page._ !== "updates.differenceSlice") break;
    at = (page.intermediate_state as Body).pts as number;
  }
  const texts = pages.flatMap((p) =>
    ((p.new_messages as Body[] | undefined) ?? []).map((m) => String(m.message)),
  );
  return { pages, texts };
}

test("getDifference pages: slices of differencePageSize, then a difference; each update once, in order", async () => {
  const [a, b] = [await server.signUp(), await server.signUp()];
  await server.ok(a, importOf(b.phone));
  const sent = Array.from({ length: 12 }, (_, i) => `m${i}`);
  for (const text of sent) await server.ok(a, message(inputPeer(a, b), text));
  const { pages, texts } = await follow(b, 0);
  const state = await server.ok(b, { _: "updates.getState" });
  const total = state.pts as number; // the 12 messages and the link updates A's import and first send caused
  assert.deepEqual(
    pages.map((p) => [
      p._,
      ((p.new_messages as Body[]) ?? []).length + ((p.other_updates as Body[]) ?? []).length,
    ]),
    [
      ["updates.differenceSlice", 5],
      ["updates.differenceSlice", 5],
      ["updates.difference", total - 10],
    ],
  );
  assert.deepEqual(texts, sent);
  const slice = pages[0] as Body;
  assert.equal((slice.intermediate_state as Body).pts, 5);
  assert.equal(((pages.at(-1) as Body).state as Body).pts, state.pts);
  // From a recent pts the answer fits one page.
  const recent = await server.ok(b, { _: "updates.getDifference", pts: (state.pts as number) - 2, date: 0 });
  assert.equal(recent._, "updates.difference");
  assert.equal((recent.new_messages as Body[]).length, 2);
  assert.equal(
    (await server.ok(b, { _: "updates.getDifference", pts: state.pts, date: 0 }))._,
    "updates.differenceEmpty",
  );
});

test("a page also ends once it mentions differencePageSize users", async () => {
  const owner = await server.signUp();
  const senders: TestAccount[] = [];
  for (let i = 0; i < 6; i++) senders.push(await server.signUp());
  for (const sender of senders) {
    await server.ok(sender, importOf(owner.phone));
    await server.ok(sender, message(inputPeer(sender, owner)));
  }
  const start = await server.ok(owner, { _: "updates.getDifference", pts: 0, date: 0 });
  assert.equal(start._, "updates.differenceSlice");
  assert.ok((start.users as Body[]).length <= 5, `${(start.users as Body[]).length} users`);
  const { texts } = await follow(owner, 0);
  assert.equal(texts.length, 6, "every message once across the pages");
});

test("getDialogs gives at most maxDialogs dialogs, most recent first, whatever its limit", async () => {
  const a = await server.signUp();
  const others: TestAccount[] = [];
  for (let i = 0; i < 5; i++) {
    const other = await server.signUp();
    await server.ok(a, importOf(other.phone));
    await server.ok(a, message(inputPeer(a, other)));
    others.push(other);
  }
  const peers = (answer: Body) => (answer.dialogs as Body[]).map((d) => (d.peer as Body).user_id);
  const ids = others.map((o) => o.id).reverse();
  for (const limit of [1000, 0]) {
    const dialogs = await server.ok(a, { _: "messages.getDialogs", offset: 0, max_id: 0, limit });
    assert.deepEqual(peers(dialogs), ids.slice(0, 3));
    assert.equal((dialogs.messages as Body[]).length, 3);
  }
  const page = await server.ok(a, { _: "messages.getDialogs", offset: 3, max_id: 0, limit: 2 });
  assert.deepEqual(peers(page), ids.slice(3, 5));
  // A new message moves its dialog to the front.
  await server.ok(a, message(inputPeer(a, others[0] as TestAccount)));
  const moved = await server.ok(a, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 1 });
  assert.deepEqual(peers(moved), [others[0]?.id]);
});
