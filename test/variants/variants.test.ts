// Every variant server (a correct server that chooses differently where the binding lets it)
// must pass the whole suite: no failed requirement, no warning, verdict PASS. The mutant tests
// prove the checks can fail; these prove they fail only for what the spec forbids.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rowOf, suiteWorker } from "../suite_worker.ts";
import { VARIANTS } from "./catalogue.ts";

const run = suiteWorker();

for (const variant of VARIANTS) {
  test(`variant ${variant.name} passes: it ${variant.choice}`, async () => {
    const { row, exercised } = rowOf(await run({ kind: "variant", name: variant.name, wire: "http-json" }));
    const seen = new Set(exercised);
    const failures = row.report.scenarios
      .filter((s) => s.failure)
      .map((s) => `${s.name}: ${s.failure?.message.split("\n", 1)[0]}`);
    assert.deepEqual(row.failed, [], `MUST failures against ${variant.name}:\n${failures.join("\n")}`);
    assert.deepEqual(row.warned, [], `SHOULD failures against ${variant.name}:\n${failures.join("\n")}`);
    assert.equal(row.report.verdict, "CERTIFIED", failures.join("\n"));
    const unmet = variant.exercises.filter((kind) => !seen.has(kind));
    assert.deepEqual(unmet, [], `the suite never met these choices of ${variant.name}`);
  });
}
