import assert from "node:assert/strict";
import { test } from "node:test";
import { appliesOnWire, wiresOfTags, wireTagExpression } from "./wire_tags.ts";

test("a scenario with no @wire- tag applies on every wire; one with a tag only on the wires it names", () => {
  assert.equal(appliesOnWire(["@REQ-S1-REVEAL"], "mtproto"), true);
  assert.equal(appliesOnWire(["@wire-http-json"], "mtproto"), false);
  assert.equal(appliesOnWire(["@wire-http-json"], "http-json"), true);
  assert.equal(appliesOnWire(["@wire-mtproto", "@wire-http-json"], "mtproto"), true);
});

test("a @wire- tag that names no wire is reported, not ignored", () => {
  assert.deepEqual(wiresOfTags(["@wire-mtproto", "@wire-websocket", "@must"]), {
    wires: ["mtproto"],
    unknown: ["@wire-websocket"],
  });
});

test("the tag expression keeps untagged scenarios and those of the wire", () => {
  assert.equal(wireTagExpression("mtproto"), "(not (@wire-http-json) or @wire-mtproto)");
  assert.equal(wireTagExpression("http-json"), "(not (@wire-mtproto) or @wire-http-json)");
});
