// support/native_match_indices.ts gives cucumber's step matching the native `d` flag. This checks
// that it took effect in a process that loaded the support code, and that every step of every
// feature matches every step definition exactly as with cucumber's own match: the same steps
// match, with the same arguments.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readFeatures } from "../../src/cli/read_features.ts";
import { projectRoot, stepCatalogue } from "../../src/cli/step_catalogue.ts";
import { nativeMatch, replacedMatch, treeRegexpOfCucumber } from "../../support/native_match_indices.ts";

async function everyStepText(): Promise<string[]> {
  const texts = new Set<string>();
  for (const file of await readFeatures(projectRoot))
    for (const envelope of file.envelopes)
      for (const step of envelope.pickle?.steps ?? []) texts.add(step.text);
  return [...texts];
}

test("step matching with the native d flag matches every step as cucumber's own does", async () => {
  const { steps } = await stepCatalogue();
  const TreeRegexp = treeRegexpOfCucumber();
  assert.ok(TreeRegexp, "cucumber-expressions' TreeRegexp is found");
  assert.equal(TreeRegexp.prototype.match, nativeMatch, "loading the support code put the native match in");
  const original = replacedMatch();
  assert.ok(original, "cucumber's own match is kept");
  const texts = await everyStepText();
  assert.ok(texts.length > 100, `the features have ${texts.length} distinct step texts`);
  const matching = () =>
    texts.map((text) =>
      steps.map((step) => (step.matches(text) ? JSON.stringify(step.argumentsOf(text)) : null)),
    );
  const native = matching();
  TreeRegexp.prototype.match = original;
  let own: (string | null)[][];
  try {
    own = matching();
  } finally {
    TreeRegexp.prototype.match = nativeMatch;
  }
  let matched = 0;
  for (const [i, text] of texts.entries()) {
    assert.deepEqual(native[i], own[i], `"${text}"`);
    matched += (native[i] ?? []).filter((m) => m !== null).length;
  }
  assert.ok(
    matched >= texts.length,
    `${matched} matches of ${texts.length} texts: every step has a definition`,
  );
});
