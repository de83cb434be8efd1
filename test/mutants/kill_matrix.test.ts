// The kill matrix's own claims: every requirement is killed by some mutant, each mutant hits the
// requirement it is aimed at, and docs/mutants.md is current. The runs themselves, the suite
// against each mutant with exactly the requirements its entry names, are the shard files.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { REQUIREMENTS } from "../../src/requirements/index.ts";
import { MUTANTS } from "./catalogue.ts";
import { renderMutantMatrix } from "./matrix_doc.ts";

test("every requirement is failed or warned by at least one mutant", () => {
  const killed = new Set(MUTANTS.flatMap((m) => [...m.fails, ...m.warns]));
  assert.deepEqual(
    REQUIREMENTS.filter((r) => !killed.has(r.id)).map((r) => r.id),
    [],
    "requirements no mutant proves the suite can fail",
  );
});

test("every mutant hits the requirement it is aimed at", () => {
  for (const m of MUTANTS.filter((x) => x.target !== "-")) {
    assert.ok(
      m.fails.includes(m.target) || m.warns.includes(m.target),
      `${m.name} is aimed at ${m.target} but does not fail it`,
    );
  }
});

test("docs/mutants.md is current (run `npm run generate`)", () => {
  assert.equal(readFileSync(join(projectRoot, "docs/mutants.md"), "utf8"), renderMutantMatrix());
});
