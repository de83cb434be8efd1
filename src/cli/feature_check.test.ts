// check-features on features written wrong on purpose, one way each: every problem is reported at
// the file, line and column of the node it is about (the step's own line, the tag, the
// requirement's entry in docs/requirements.yaml), and a sound feature gives none.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REQUIREMENTS, REQUIREMENTS_FILE } from "../requirements/index.ts";
import { checkFeatures, type FeatureCheckOptions } from "./feature_check.ts";
import { formatProblem } from "./problem.ts";
import { type CatalogueEntry, projectRoot, type StepCatalogue, stepCatalogue } from "./step_catalogue.ts";

/** A project root with the real requirements file (or the text given) and no features yet. */
function tempRoot(requirements?: string): string {
  const root = mkdtempSync(join(tmpdir(), "tlc-check-"));
  mkdirSync(join(root, "docs"));
  mkdirSync(join(root, "features"));
  const target = join(root, REQUIREMENTS_FILE);
  if (requirements === undefined) copyFileSync(join(projectRoot, REQUIREMENTS_FILE), target);
  else writeFileSync(target, requirements);
  return root;
}

const SOUND = [
  "Feature: A test",
  "",
  "  @REQ-S2-FOREIGN @must",
  "  Scenario: Strangers",
  "    Given A and B met in a chat made by C",
  "    Then A sees B as userForeign without a phone",
  "",
].join("\n");

async function problemsOf(
  feature: string,
  options: Partial<FeatureCheckOptions> & { catalogue?: StepCatalogue } = {},
): Promise<string[]> {
  const root = options.root ?? tempRoot();
  const file = join(root, "features", "x.feature");
  writeFileSync(file, feature);
  const problems = await checkFeatures({
    root,
    catalogue: options.catalogue ?? (await stepCatalogue()),
    files: [file],
    ...options,
  });
  return problems.map(formatProblem);
}

function expectOne(problems: string[], expected: string): void {
  assert.ok(
    problems.some((p) => p.startsWith(expected)),
    `expected "${expected}…" among ${JSON.stringify(problems, null, 1)}`,
  );
}

test("a sound feature has no problem, and the project's step language documents itself", async () => {
  assert.deepEqual(await problemsOf(SOUND), []);
});

test("an undefined step is reported at its own line and column", async () => {
  const problems = await problemsOf(SOUND.replace("Then A sees B", "Then A spots B"));
  expectOne(problems, 'features/x.feature:6:5: undefined step "A spots B as userForeign without a phone"');
});

test("an ambiguous step is reported at its own line, with both definitions", async () => {
  const catalogue = await stepCatalogue();
  const twin: CatalogueEntry = {
    ...(catalogue.steps.find(
      (s) => s.pattern === "{role} and {role} met in a chat made by {role}",
    ) as CatalogueEntry),
    uri: "steps/twin.ts",
    line: 7,
  };
  const problems = await problemsOf(SOUND, {
    catalogue: { ...catalogue, steps: [...catalogue.steps, twin] },
  });
  expectOne(problems, 'features/x.feature:5:5: ambiguous step "A and B met in a chat made by C" matches');
  assert.ok(problems.some((p) => p.includes("steps/twin.ts:7")));
});

test("a value a parameter type refuses is reported at the step's line", async () => {
  const feature = SOUND.replace(
    "    Then A sees B as userForeign without a phone",
    "    When A calls users.getEverything at layer 1",
  );
  expectOne(
    await problemsOf(feature),
    'features/x.feature:6:5: step "A calls users.getEverything at layer 1": users.getEverything is not a method',
  );
});

test("an unknown placeholder in a doc string is reported where it is written", async () => {
  const feature = SOUND.replace(
    "    Then A sees B as userForeign without a phone",
    [
      "    When A calls contacts.getContacts at layer 1 with:",
      '      """',
      '      {"hash": "{B.hash}"}',
      '      """',
    ].join("\n"),
  );
  expectOne(await problemsOf(feature), "features/x.feature:8:17: unknown placeholder {B.hash}");
});

test("a scenario with no requirement tag is reported at its Scenario line", async () => {
  const problems = await problemsOf(SOUND.replace("@REQ-S2-FOREIGN @must", "@must"));
  expectOne(problems, 'features/x.feature:4:3: scenario "Strangers" has no @REQ-<id> tag');
});

test("a scenario with no level tag is reported at its Scenario line", async () => {
  const problems = await problemsOf(SOUND.replace("@REQ-S2-FOREIGN @must", "@REQ-S2-FOREIGN"));
  expectOne(
    problems,
    'features/x.feature:4:3: scenario "Strangers" must be tagged @must (S2-FOREIGN is MUST)',
  );
});

test("a tag that names no requirement is reported at the tag", async () => {
  const problems = await problemsOf(
    SOUND.replace("@REQ-S2-FOREIGN @must", "@REQ-S2-FOREIGN @REQ-S2-FOREIGNER @must"),
  );
  expectOne(problems, "features/x.feature:3:19: @REQ-S2-FOREIGNER names no requirement");
});

test("a level tag that disagrees with the requirements is reported at the tag", async () => {
  const problems = await problemsOf(SOUND.replace("@REQ-S2-FOREIGN @must", "@REQ-S2-FOREIGN @should"));
  expectOne(problems, "features/x.feature:3:19: tagged @should, but its requirements make it @must");
});

test("a step of an outline is reported at the step's line, naming the example row", async () => {
  const feature = [
    "Feature: A test",
    "",
    "  @REQ-S2-NO-REVEAL @must",
    "  Scenario Outline: Strangers by <send>",
    "    Given A and B met in a chat made by C",
    "    When A messages B by <send> at layer 1",
    "",
    "    Examples:",
    "      | send                 |",
    "      | messages.sendMessage |",
    "      | messages.sendLetter  |",
    "",
  ].join("\n");
  const problems = await problemsOf(feature);
  expectOne(
    problems,
    'features/x.feature:6:5: undefined step "A messages B by messages.sendLetter at layer 1" (the example at line 11)',
  );
  assert.equal(problems.length, 1, JSON.stringify(problems));
});

test("a requirement no scenario covers is reported at its entry in docs/requirements.yaml", async () => {
  const extra = "  - id: X-UNCOVERED\n    level: SHOULD\n    source: a sentence\n    check: a check\n";
  const root = tempRoot(
    `requirements:\n  - id: S2-FOREIGN\n    level: MUST\n    source: s\n    check: c\n${extra}`,
  );
  writeFileSync(join(root, "features", "x.feature"), SOUND);
  const problems = (await checkFeatures({ root, catalogue: await stepCatalogue() })).map(formatProblem);
  assert.deepEqual(problems, [
    "docs/requirements.yaml:6:9: requirement X-UNCOVERED (SHOULD) is covered by no scenario",
  ]);
});

test("a cell of a requirement's grid that no scenario checks is reported at its entry, an n/a cell is not", async () => {
  const grid = [
    "    grid:",
    "      - sends: [messages.sendMessage, messages.forwardMessage]",
    "        layers: [1, 2]",
    "        directions: [A→B]",
    "        except:",
    "          - sends: [messages.sendMessage]",
    "            layers: [2]",
    "            why: a reason",
  ].join("\n");
  const root = tempRoot(
    `requirements:\n  - id: S2-NO-REVEAL\n    level: MUST\n    source: s\n    check: c\n${grid}\n`,
  );
  const feature = [
    "Feature: A test",
    "",
    "  @REQ-S2-NO-REVEAL @must",
    "  Scenario: Strangers",
    "    Given A and B met in a chat made by C",
    "    When A messages B by messages.sendMessage at layer 1",
    "    Then A sees B as userForeign without a phone",
    "",
  ].join("\n");
  writeFileSync(join(root, "features", "x.feature"), feature);
  assert.deepEqual((await checkFeatures({ root, catalogue: await stepCatalogue() })).map(formatProblem), []);
  writeFileSync(join(root, "features", "x.feature"), feature.replace("at layer 1", "at layer 2"));
  // messages.sendMessage at layer 2 is excepted and forwardMessage exists only at layer 3: the
  // one cell left empty is messages.sendMessage at layer 1.
  assert.deepEqual((await checkFeatures({ root, catalogue: await stepCatalogue() })).map(formatProblem), [
    "docs/requirements.yaml:2:9: S2-NO-REVEAL: no scenario checks messages.sendMessage at layer 1 A→B, a cell of its grid",
  ]);
});

test("the project's features leave no cell of any requirement's grid empty", async () => {
  const problems = (await checkFeatures({ root: projectRoot, catalogue: await stepCatalogue() })).map(
    formatProblem,
  );
  assert.deepEqual(
    problems.filter((p) => p.includes("a cell of its grid")),
    [],
  );
});

test("a feature not in the pretty-printer's layout is reported where it first differs", async () => {
  const problems = await problemsOf(SOUND.replace("    Then A sees", "      Then A sees"));
  expectOne(problems, "features/x.feature:6:5: not laid out as cucumber's pretty-printer does");
});

test("a feature that does not parse is reported where the parser stopped", async () => {
  const problems = await problemsOf(SOUND.replace("    Then A sees", "    @oops\n    Then A sees"));
  expectOne(
    problems,
    "features/x.feature:7:5: expected: #TagLine, #RuleLine, #Comment, #Empty, got 'Then A sees B",
  );
});

test("a problem of docs/requirements.yaml, and a registry it no longer generates, are reported too", async () => {
  const broken = await problemsOf(SOUND, {
    root: tempRoot("requirements:\n  - id: S2-FOREIGN\n    level: MUST\n"),
  });
  expectOne(broken, "docs/requirements.yaml:2:5: /requirements/0: must have required property 'source'");
  const stale = await problemsOf(SOUND, { registry: REQUIREMENTS.slice(1) });
  expectOne(
    stale,
    "docs/requirements.yaml:1:1: src/requirements/registry.ts is not what this file generates",
  );
});

test("a step with no description or example, or an example that runs another step, is reported at the step", async () => {
  const catalogue = await stepCatalogue();
  const bare: CatalogueEntry = {
    keyword: "Then",
    pattern: "nothing at all",
    uri: "steps/bare.ts",
    line: 3,
    description: undefined,
    examples: ["Then every view of every user is as the link table says"],
    parameters: [],
    matches: (text) => text === "nothing at all",
    argumentsOf: () => [],
  };
  const problems = await problemsOf(SOUND, {
    catalogue: { ...catalogue, steps: [...catalogue.steps, bare] },
  });
  expectOne(problems, 'steps/bare.ts:3:1: step "nothing at all" has no description');
  expectOne(
    problems,
    'steps/bare.ts:3:1: example "Then every view of every user is as the link table says" does not run this step',
  );
});
