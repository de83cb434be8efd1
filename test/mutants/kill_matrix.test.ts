// The suite must reject every mutant with exactly the requirements its catalogue entry names,
// and pass the identity mutant. Runs one after another in this process: the target is an
// environment variable of the run.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { REQUIREMENTS } from "../../src/requirements/index.ts";
import { MUTANTS } from "./catalogue.ts";
import { renderMutantMatrix } from "./matrix_doc.ts";
import { suiteRunner } from "./run_against.ts";

const runAgainst = suiteRunner();

for (const mutant of MUTANTS) {
  test(`mutant ${mutant.name}: ${mutant.deviation}`, async () => {
    const server = await mutant.start();
    try {
      const row = await runAgainst(server.url);
      const firstFailure =
        row.report.scenarios.find((s) => s.failure)?.failure?.message.split("\n", 1)[0] ?? "none";
      assert.deepEqual(
        row.failed,
        [...mutant.fails].sort(),
        `MUST failures against ${mutant.name} (first: ${firstFailure})`,
      );
      assert.deepEqual(row.warned, [...mutant.warns].sort(), `SHOULD failures against ${mutant.name}`);
      if (mutant.fails.length === 0 && mutant.warns.length === 0)
        assert.equal(row.report.verdict, "CERTIFIED");
      if (mutant.fails.length > 0) assert.equal(row.report.verdict, "NOT_CERTIFIED");
    } finally {
      await server.close();
    }
  });
}

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
