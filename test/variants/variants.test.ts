// Every variant server (a correct server that chooses differently where the binding lets it)
// must pass the whole suite: no failed requirement, no warning, verdict PASS. The mutant tests
// prove the checks can fail; these prove they fail only for what the spec forbids.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { loadSuiteSupport } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { runAgainst } from "../mutants/run_against.ts";
import { VARIANTS } from "./catalogue.ts";

let support: ISupportCodeLibrary;
const savedTarget = process.env.CONFORMANCE_TARGET;

before(async () => {
  support = await loadSuiteSupport(projectRoot);
});

after(() => {
  process.env.CONFORMANCE_TARGET = savedTarget;
});

for (const variant of VARIANTS) {
  test(`variant ${variant.name} passes: it ${variant.choice}`, async () => {
    const seen = new Set<string>();
    const server = await variant.start((kind) => seen.add(kind));
    try {
      const row = await runAgainst(server.url, support);
      const failures = row.report.scenarios
        .filter((s) => s.failure)
        .map((s) => `${s.name}: ${s.failure?.message.split("\n", 1)[0]}`);
      assert.deepEqual(row.failed, [], `MUST failures against ${variant.name}:\n${failures.join("\n")}`);
      assert.deepEqual(row.warned, [], `SHOULD failures against ${variant.name}:\n${failures.join("\n")}`);
      assert.equal(row.report.verdict, "PASS", failures.join("\n"));
      const unmet = variant.exercises.filter((kind) => !seen.has(kind));
      assert.deepEqual(unmet, [], `the suite never met these choices of ${variant.name}`);
    } finally {
      await server.close();
    }
  });
}
