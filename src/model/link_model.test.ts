// The model against docs/semantics.md: the worked examples of the link table, the one-liner
// rules, and the server's choice after a delete.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  checkLinkUpdates,
  describeLinkObject,
  foreignLinkFits,
  LinkModel,
  myLinkFits,
  type PairFacts,
  tableLink,
  viewReasons,
} from "./index.ts";

const show = (model: LinkModel, viewer: string, other: string) =>
  model
    .links(viewer, other)
    .map(
      ({ link }) =>
        `${describeLinkObject(link.myLink)}, ${describeLinkObject(link.foreignLink)}, ${link.userKind}`,
    );

test("scenario 1: the link pairs before and after A's message, as semantics.md spells them out", () => {
  const model = new LinkModel();
  model.imported("A", "B");
  assert.deepEqual(show(model, "A", "B"), ["myLinkContact, foreignLinkUnknown, userContact"]);
  assert.deepEqual(show(model, "B", "A"), [
    "myLinkRequested(contact=false), foreignLinkRequested(has_phone=false), userForeign",
  ]);
  model.messaged("A", "B");
  assert.deepEqual(show(model, "A", "B"), ["myLinkRequested(contact=true), foreignLinkUnknown, userContact"]);
  assert.deepEqual(show(model, "B", "A"), [
    "myLinkRequested(contact=false), foreignLinkRequested(has_phone=true), userRequest",
  ]);
  assert.equal(model.seesPhone("B", "A"), "yes");
  assert.equal(model.seesPhone("A", "B"), "yes");
});

test("either direction reveals the holder's number; strangers reveal nothing; scenario 3 is final", () => {
  const reverse = new LinkModel();
  reverse.imported("A", "B");
  reverse.messaged("B", "A");
  assert.equal(reverse.seesPhone("B", "A"), "yes");
  assert.deepEqual(viewReasons(reverse, "B", "A").slice(0, 1), ["S1-REVEAL-REVERSE"]);
  const strangers = new LinkModel();
  strangers.messaged("A", "B");
  strangers.messaged("B", "A");
  assert.equal(strangers.seesPhone("A", "B"), "no");
  assert.deepEqual(viewReasons(strangers, "A", "B").slice(0, 1), ["S2-NO-REVEAL"]);
  const mutual = new LinkModel();
  mutual.imported("A", "B");
  mutual.imported("B", "A");
  const event = mutual.messaged("A", "B");
  assert.deepEqual(show(mutual, "A", "B"), ["myLinkContact, foreignLinkMutual, userContact"]);
  assert.deepEqual(mutual.changesSince(event.index - 1), [[]], "messaging changes no link in scenario 3");
});

test("scenario 2: an import from the card reveals nothing until a later message", () => {
  const model = new LinkModel();
  model.imported("B", "A", true);
  assert.equal(model.seesPhone("A", "B"), "no");
  assert.deepEqual(viewReasons(model, "A", "B").slice(0, 1), ["S2-IMPORT-NO-REVEAL"]);
  model.messaged("A", "B");
  assert.equal(model.seesPhone("A", "B"), "yes");
  assert.deepEqual(viewReasons(model, "A", "B").slice(0, 1), ["S2-LATER-REVEAL"]);
});

test("after a delete the reveal is the server's choice, and the first observation fixes it", () => {
  const model = new LinkModel();
  model.imported("A", "B");
  model.messaged("A", "B");
  model.deleted("A", "B");
  assert.equal(model.seesPhone("B", "A"), "either");
  assert.equal(model.openChoices().length, 2);
  assert.equal(model.observePhone("B", "A", false), true);
  assert.equal(model.seesPhone("B", "A"), "no");
  assert.equal(model.observePhone("B", "A", true), false, "a server may not say both");
  assert.equal(model.seesPhone("B", "A"), "no", "a contradicting observation drops nothing");
});

test("updates: the peer gets exactly one per change, the sender none for its own send", () => {
  const model = new LinkModel();
  model.imported("A", "B");
  const mark = model.events.length;
  model.messaged("A", "B");
  const after = model.links("B", "A")[0]?.link;
  assert.ok(after);
  const one = [{ other: "A", myLink: after.myLink, foreignLink: after.foreignLink }];
  assert.equal(checkLinkUpdates(model, "B", mark, one), undefined);
  assert.equal(checkLinkUpdates(model, "B", mark, [])?.requirement, "LINK-PEER-UPDATE");
  assert.equal(checkLinkUpdates(model, "B", mark, [...one, ...one])?.requirement, "LINK-PEER-UPDATE");
  const own = model.links("A", "B")[0]?.link;
  assert.ok(own);
  const self = [{ other: "B", myLink: own.myLink, foreignLink: own.foreignLink }];
  assert.equal(checkLinkUpdates(model, "A", mark, self)?.requirement, "L3-NO-SELF-UPDATE");
  assert.equal(checkLinkUpdates(model, "A", mark, []), undefined);
});

test("the table always fits the docs' one-liners; other values that fit exist only where the table chose", () => {
  const facts = fc
    .record({
      viewerHas: fc.boolean(),
      otherHas: fc.boolean(),
      viewerSees: fc.boolean(),
      otherSees: fc.boolean(),
    })
    .filter((f) => (!f.viewerHas || f.viewerSees) && (!f.otherHas || f.otherSees)) as fc.Arbitrary<PairFacts>;
  fc.assert(
    fc.property(facts, (f) => {
      const link = tableLink(f);
      assert.ok(myLinkFits(link.myLink, f), `${describeLinkObject(link.myLink)} for ${JSON.stringify(f)}`);
      assert.ok(
        foreignLinkFits(link.foreignLink, f),
        `${describeLinkObject(link.foreignLink)} for ${JSON.stringify(f)}`,
      );
    }),
  );
  const onlyHolder: PairFacts = { viewerHas: false, otherHas: true, viewerSees: false, otherSees: true };
  assert.equal(myLinkFits({ _: "contacts.myLinkContact" }, onlyHolder), false);
  assert.equal(foreignLinkFits({ _: "contacts.foreignLinkRequested", has_phone: true }, onlyHolder), false);
  assert.equal(foreignLinkFits({ _: "contacts.foreignLinkUnknown" }, onlyHolder), false);
});
