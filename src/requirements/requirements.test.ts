// docs/requirements.yaml is the one source: the registry, the schema and docs/semantics.md's table
// are what it generates (run `npm run generate`), its problems are found where they are written,
// and the candidates of a generic check come out in the order its entries say.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { candidates, REQUIREMENTS, REQUIREMENTS_FILE, requirementsSchema, SCHEMA_FILE } from "./index.ts";
import { loadRequirements } from "./load.ts";
import { renderSemantics, SEMANTICS_FILE } from "./render_semantics.ts";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const loaded = loadRequirements(read(REQUIREMENTS_FILE));

test("docs/requirements.yaml has no problem", () => {
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.requirements.length, REQUIREMENTS.length);
});

test("the registry, the schema file and docs/semantics.md are current (run `npm run generate`)", () => {
  assert.deepEqual(REQUIREMENTS, loaded.requirements, "src/requirements/registry.ts");
  assert.deepEqual(JSON.parse(read(SCHEMA_FILE)), requirementsSchema(), SCHEMA_FILE);
  const semantics = read(SEMANTICS_FILE);
  assert.equal(renderSemantics(semantics, loaded.requirements), semantics, SEMANTICS_FILE);
});

const one = (fields: string) =>
  `requirements:\n  - id: X-ONE\n    level: MUST\n    source: a sentence\n    check: a check\n${fields}`;

test("each problem of the file is reported at its line and column", () => {
  const cases: [string, string, RegExp][] = [
    [
      "a level that is no level",
      one("").replace("MUST", "MAYBE"),
      /^3:12: \/requirements\/0\/level: .*MUST, SHOULD/,
    ],
    ["an unknown field", one("    sorce: typo\n"), /^6:5: \/requirements\/0: unknown field "sorce"/],
    [
      "an id in lower case",
      one("").replace("X-ONE", "x-one"),
      /^2:9: \/requirements\/0\/id: must match pattern/,
    ],
    [
      "a check the suite does not have",
      one("    speaksFor:\n      - check: view.everything\n"),
      /^7:16: \/requirements\/0\/speaksFor\/0\/check: .*view\.reveal/,
    ],
    [
      "a fact on a check about no pair",
      one("    speaksFor:\n      - check: updates.no-change\n        when: they-messaged\n"),
      /^7:9: X-ONE: updates\.no-change is about no pair of users/,
    ],
    [
      "an id written twice",
      `${one("")}${one("").replace("requirements:\n", "")}`,
      /^6:9: requirement X-ONE is written twice/,
    ],
    ["YAML that does not parse", one("    speaksFor: [unclosed\n"), /^7:1: Flow sequence/],
    [
      "a missing field",
      one("").replace("    check: a check\n", ""),
      /^2:5: \/requirements\/0: must have required property 'check'/,
    ],
  ];
  for (const [what, text, expected] of cases) {
    const { problems } = loadRequirements(text);
    const shown = problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    assert.ok(
      shown.some((s) => expected.test(s)),
      `${what}: ${JSON.stringify(shown)}`,
    );
  }
  assert.deepEqual(loadRequirements(one("")).problems, [], "the minimal file is sound");
});

test("a check's candidates: those whose fact holds first, then by priority, then in file order", () => {
  const none = () => false;
  assert.deepEqual(candidates("view.reveal", none), ["S1-REVEAL", "S2-LATER-REVEAL", "S1-REVEAL-REVERSE"]);
  const card = (fact: string) => fact === "owner-imported-viewer-from-card";
  assert.deepEqual(candidates("view.reveal", card), ["S2-LATER-REVEAL", "S1-REVEAL", "S1-REVEAL-REVERSE"]);
  const own = (fact: string) => fact === "viewer-sent-the-revealing-message";
  assert.deepEqual(candidates("view.reveal", own), ["S1-REVEAL-REVERSE", "S2-LATER-REVEAL", "S1-REVEAL"]);
  assert.deepEqual(candidates("updates.no-change"), ["LINK-PEER-UPDATE", "S3-STABLE"]);
  assert.deepEqual(
    candidates("result.no-change", (f) => f === "mutual-contacts"),
    ["S3-STABLE", "L3-NO-CHANGE"],
  );
});
