// The step catalogue: docs/steps.md is what it renders, and each parameter type's literal regexp
// (written out so an editor's Cucumber extension can read it) accepts exactly the values the
// session does, so the two cannot drift.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ADDRESSING_METHODS, BAD_INPUTS, BINARY_FAULTS, SEND_KINDS } from "../session/index.ts";
import { LAYERS } from "../tl/index.ts";
import { projectRoot, stepCatalogue } from "./step_catalogue.ts";
import { renderStepsMarkdown, renderStepsText, STEPS_DOC } from "./steps_doc.ts";

test("docs/steps.md is current (run `npm run generate`)", async () => {
  const rendered = renderStepsMarkdown(await stepCatalogue());
  assert.equal(readFileSync(join(projectRoot, STEPS_DOC), "utf8"), rendered);
});

test("each enumerated parameter type accepts exactly the session's values", async () => {
  const { parameterTypes } = await stepCatalogue();
  const values = (name: string) => [...(parameterTypes.get(name)?.values ?? [])].sort();
  assert.deepEqual(
    values("send"),
    Object.values(SEND_KINDS)
      .map((k) => k.phrase)
      .sort(),
  );
  assert.deepEqual(values("addressing_method"), [...ADDRESSING_METHODS].sort());
  assert.deepEqual(values("bad_input"), [...BAD_INPUTS].sort());
  assert.deepEqual(values("binary_fault"), [...BINARY_FAULTS].sort());
  assert.deepEqual(values("layer"), LAYERS.map(String));
  assert.deepEqual(values("forward_method"), [SEND_KINDS.forward.method, SEND_KINDS.forwards.method].sort());
});

test("the text catalogue gives each step's values, description, example and place", async () => {
  const text = renderStepsText(await stepCatalogue());
  const block = text
    .split("\n\n")
    .find((b) => b.includes("{role} messages {role} by {send} at layer {layer}"));
  assert.ok(block, "the send step is listed");
  assert.match(block, /\{send\}: .*messages\.sendMedia with a geo point/);
  assert.match(block, /\{layer\}: 1, 2, 3/);
  assert.match(block, /example: When A messages B by messages\.sendMessage at layer 3/);
  assert.match(block, /steps\/messaging\.ts:\d+$/);
});
