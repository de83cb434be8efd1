// Every variant server (a correct server that chooses differently where the binding lets it)
// must pass the whole suite: no failed requirement, no warning, verdict PASS. The mutant tests
// prove the checks can fail; these prove they fail only for what the spec forbids.
import assert from "node:assert/strict";
import { test } from "node:test";
import { suiteRunner } from "../mutants/run_against.ts";
import { VARIANTS } from "./catalogue.ts";

const runAgainst = suiteRunner();

for (const variant of VARIANTS) {
  test(`variant ${variant.name} passes: it ${variant.choice}`, async () => {
    const seen = new Set<string>();
    const server = await variant.start((kind) => seen.add(kind));
    try {
      const row = await runAgainst(server.url);
      const failures = row.report.scenarios
        .filter((s) => s.failure)
        .map((s) => `${s.name}: ${s.failure?.message.split("\n", 1)[0]}`);
      assert.deepEqual(row.failed, [], `MUST failures against ${variant.name}:\n${failures.join("\n")}`);
      assert.deepEqual(row.warned, [], `SHOULD failures against ${variant.name}:\n${failures.join("\n")}`);
      assert.equal(row.report.verdict, "CERTIFIED", failures.join("\n"));
      const unmet = variant.exercises.filter((kind) => !seen.has(kind));
      assert.deepEqual(unmet, [], `the suite never met these choices of ${variant.name}`);
    } finally {
      await server.close();
    }
  });
}
