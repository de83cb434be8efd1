// The link table of docs/semantics.md, step by step through the three scenarios, both
// directions, at layers 1, 2 and 3: link pairs, user constructors, result constructors, and who
// gets updateContactLink.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Body,
  importOf,
  inputPeer,
  linkOf,
  meet,
  message,
  serverForThisFile,
  type TestAccount,
} from "./harness.ts";

const serverOf = serverForThisFile();

const LAYERS = [1, 2, 3] as const;

async function linkUpdates(account: TestAccount, aboutId: number, sincePts: number): Promise<Body[]> {
  const diff = await serverOf().ok(account, { _: "updates.getDifference", pts: sincePts, date: 0 });
  return ((diff.other_updates as Body[] | undefined) ?? []).filter(
    (u) => u._ === "updateContactLink" && u.user_id === aboutId,
  );
}

async function pts(account: TestAccount): Promise<number> {
  return (await serverOf().ok(account, { _: "updates.getState" })).pts as number;
}

for (const layer of LAYERS) {
  for (const direction of ["A sends", "B sends"] as const) {
    test(`scenario 1 at layer ${layer}, ${direction}: A's number becomes available to B`, async () => {
      const [a, b, c] = [await serverOf().signUp(), await serverOf().signUp(), await serverOf().signUp()];
      await serverOf().ok(a, importOf(b.phone));
      await meet(serverOf(), c, a, b);
      assert.equal(await linkOf(serverOf(), a, b), "myLinkContact foreignLinkUnknown userContact");
      assert.equal(
        await linkOf(serverOf(), b, a),
        "myLinkRequested(contact=false) foreignLinkRequested(has_phone=false) userForeign",
      );
      const [sender, peer] = direction === "A sends" ? [a, b] : [b, a];
      const [senderPts, peerPts] = [await pts(sender), await pts(peer)];
      const result = await serverOf().ok(sender, message(inputPeer(sender, peer)), layer);
      if (layer === 3) {
        assert.equal(result._, "messages.sentMessageLink");
        const links = result.links as Body[];
        assert.deepEqual(
          links.map((l) => (l.user as Body).id),
          [peer.id],
        );
      } else {
        assert.equal(result._, "messages.sentMessage");
      }
      assert.equal(
        await linkOf(serverOf(), a, b),
        "myLinkRequested(contact=true) foreignLinkUnknown userContact",
      );
      assert.equal(
        await linkOf(serverOf(), b, a),
        "myLinkRequested(contact=false) foreignLinkRequested(has_phone=true) userRequest",
      );
      assert.equal((b.views.get(a.id) as Body).phone, a.phone);
      assert.equal((await linkUpdates(sender, peer.id, senderPts)).length, 0, "no update to the sender");
      assert.equal((await linkUpdates(peer, sender.id, peerPts)).length, 1, "one update to the peer");
    });

    test(`scenario 2 at layer ${layer}, later message ${direction === "A sends" ? "from A" : "from B"}: B's number becomes available to A only then`, async () => {
      const [a, b, c] = [await serverOf().signUp(), await serverOf().signUp(), await serverOf().signUp()];
      await meet(serverOf(), c, a, b);
      await serverOf().ok(a, message(inputPeer(a, b)), layer);
      await serverOf().ok(b, message(inputPeer(b, a)), layer);
      assert.equal(await linkOf(serverOf(), a, b), "myLinkEmpty foreignLinkUnknown userForeign");
      assert.equal(await linkOf(serverOf(), b, a), "myLinkEmpty foreignLinkUnknown userForeign");
      const media = { _: "inputMediaContact", phone_number: a.phone, first_name: "A", last_name: "" };
      const stated = await serverOf().ok(
        a,
        { _: "messages.sendMedia", peer: inputPeer(a, b), media, random_id: "5" },
        layer,
      );
      assert.equal(stated._, "messages.statedMessage", "a contact message between strangers changes no link");
      assert.deepEqual((stated.message as Body).media, {
        _: "messageMediaContact",
        phone_number: a.phone,
        first_name: "A",
        last_name: "",
        user_id: a.id,
      });
      await serverOf().ok(b, importOf(a.phone));
      // B now has A's number: A's my_link says so; A still sees no phone of B.
      assert.equal(
        await linkOf(serverOf(), a, b),
        "myLinkRequested(contact=false) foreignLinkRequested(has_phone=false) userForeign",
      );
      const [sender, peer] = direction === "A sends" ? [a, b] : [b, a];
      await serverOf().ok(sender, message(inputPeer(sender, peer)), layer);
      assert.equal(
        await linkOf(serverOf(), a, b),
        "myLinkRequested(contact=false) foreignLinkRequested(has_phone=true) userRequest",
      );
      assert.equal(
        await linkOf(serverOf(), b, a),
        "myLinkRequested(contact=true) foreignLinkUnknown userContact",
      );
    });
  }

  test(`scenario 3 at layer ${layer}: messaging between mutual contacts changes nothing`, async () => {
    const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
    await serverOf().ok(a, importOf(b.phone));
    await serverOf().ok(b, importOf(a.phone));
    const [aPts, bPts] = [await pts(a), await pts(b)];
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const result = await serverOf().ok(from, message(inputPeer(from, to)), layer);
      assert.equal(result._, "messages.sentMessage");
    }
    assert.equal(await linkOf(serverOf(), a, b), "myLinkContact foreignLinkMutual userContact");
    assert.equal(await linkOf(serverOf(), b, a), "myLinkContact foreignLinkMutual userContact");
    assert.equal((await linkUpdates(a, b.id, aPts)).length + (await linkUpdates(b, a.id, bPts)).length, 0);
  });
}

test("forwardMessages and forwardMessage return their *Link twins at layer 3 only", async () => {
  const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(a, importOf(b.phone));
  const note = await serverOf().ok(a, message({ _: "inputPeerSelf" }));
  const plain = await serverOf().ok(
    a,
    { _: "messages.forwardMessages", peer: inputPeer(a, b), id: [note.id] },
    2,
  );
  assert.equal(plain._, "messages.statedMessages");
  const [c, d] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(c, importOf(d.phone));
  const own = await serverOf().ok(c, message({ _: "inputPeerSelf" }));
  const linked = await serverOf().ok(
    c,
    { _: "messages.forwardMessage", peer: inputPeer(c, d), id: own.id, random_id: "9" },
    3,
  );
  assert.equal(linked._, "messages.statedMessageLink");
  assert.equal((linked.message as Body)._, "messageForwarded");
});
