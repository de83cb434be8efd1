// docs/writing-features.md's walk-through quotes a real requirement entry and a real feature (which
// `npm run conformance` runs): the quotes must be what the repository holds, so the walk-through
// cannot drift from what passes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { REQUIREMENTS_FILE } from "../../src/requirements/index.ts";
import { loadRequirements } from "../../src/requirements/load.ts";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");
const doc = read("docs/writing-features.md");

/** The fenced block that follows a `<!-- walk-through: … -->` marker. */
function quoted(marker: string): string {
  const at = doc.indexOf(`<!-- walk-through: ${marker} -->`);
  assert.notEqual(at, -1, `the walk-through marks ${marker}`);
  const block = /```\w*\n([\s\S]*?)\n```/.exec(doc.slice(at));
  assert.ok(block, `a fenced block follows the ${marker} marker`);
  return block[1] ?? "";
}

test("the walk-through's requirement entry is in docs/requirements.yaml as quoted", () => {
  const entry = quoted("the entry of docs/requirements.yaml");
  const yaml = read(REQUIREMENTS_FILE);
  assert.ok(yaml.includes(`${entry}\n`), "the quoted entry, verbatim");
  const id = /- id: (\S+)/.exec(entry)?.[1] ?? "";
  const line = loadRequirements(yaml).lineOf.get(id)?.line;
  assert.match(
    doc,
    new RegExp(`docs/requirements\\.yaml:${line}:9: requirement ${id} \\(MUST\\) is covered`),
  );
});

test("the walk-through's feature is the file features/contacts/mutual-contacts.feature", () => {
  assert.equal(
    `${quoted("the file features/contacts/mutual-contacts.feature")}\n`,
    read("features/contacts/mutual-contacts.feature"),
  );
});
