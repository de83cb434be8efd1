// The printed scenario: laid out as the pretty-printer lays out the features, tagged with the
// requirement, its level and what it needs, keywords as a spec-writer would write them, and a
// failure inside a command still ending on a Then.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatFeature } from "../cli/format_feature.ts";
import { LINKS_STEP, VIEWS_STEP } from "./checks.ts";
import { scenarioOf } from "./gherkin.ts";
import type { LoggedStep } from "./state.ts";

const command = (text: string, layer: 1 | 2 | 3 = 1, forwardMessage = false): LoggedStep => ({
  text,
  kind: "command",
  layer,
  forwardMessage,
});
const check = (text: string): LoggedStep => ({ text, kind: "check", layer: 1, forwardMessage: false });

test("a scenario pastes into a feature file as the pretty-printer would write it", () => {
  const text = scenarioOf({
    requirementId: "LINK-VALUES",
    seed: 5,
    replay: "`tl-conformance explore --seed 5 --path '1:2@A:B'`",
    log: [
      command("A and B met in a chat made by C"),
      check(VIEWS_STEP),
      command("A messages B by messages.forwardMessage at layer 3", 3, true),
      check(VIEWS_STEP),
      check(LINKS_STEP),
    ],
  });
  const feature = `Feature: Explored\n\n${text}`;
  assert.equal(formatFeature(feature, "explored.feature"), feature);
  const lines = text.split("\n");
  assert.equal(lines[0], "  @REQ-LINK-VALUES @should @needs-layer-3 @needs-forwardMessage");
  assert.match(lines[2] ?? "", /--seed 5 --path '1:2@A:B'/);
  assert.deepEqual(lines.slice(4, -1), [
    "    Given A and B met in a chat made by C",
    `    Then ${VIEWS_STEP}`,
    "    When A messages B by messages.forwardMessage at layer 3",
    `    Then ${VIEWS_STEP}`,
    `    And ${LINKS_STEP}`,
  ]);
});

test("a failure inside a command ends on the reads; layer 2 is tagged, a MUST is @must", () => {
  const text = scenarioOf({
    requirementId: "S2-NO-REVEAL",
    seed: -3,
    replay: "x",
    log: [command("A imports B's number"), command("B messages A by messages.sendMessage at layer 2", 2)],
  });
  const lines = text.trimEnd().split("\n");
  assert.equal(lines[0], "  @REQ-S2-NO-REVEAL @must @needs-layer-2");
  assert.match(lines[1] ?? "", /An explored history of 2 commands breaks S2-NO-REVEAL \(seed -3\)/);
  assert.deepEqual(lines.slice(-3), [
    "    Given A imports B's number",
    "    And B messages A by messages.sendMessage at layer 2",
    `    Then ${VIEWS_STEP}`,
  ]);
});
