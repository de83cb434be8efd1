// The shrunk scenario explore prints, pasted into the features: check-features accepts it, and
// the suite runs it and fails it against the mutant with the requirement explore found, while
// the reference server passes it.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { before, test } from "node:test";
import { promisify } from "node:util";
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { loadSuiteSupport } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { closeAgents } from "../../src/client/index.ts";
import { explore } from "../../src/explore/index.ts";
import { startServer } from "../../src/server/index.ts";
import { MUTANTS } from "../mutants/catalogue.ts";
import { featuresWith, runScenarios } from "./scenario_replay.ts";

const CASES = [
  { mutant: "reveal-between-strangers", seed: 11, verdict: "failed" },
  { mutant: "update-to-sender", seed: 12, verdict: "warned" },
  // A refused call among an explored history: the state noted, the call, its error, the state again.
  { mutant: "getFullUser-accepts-any-hash", seed: 13, verdict: "failed" },
] as const;

let support: ISupportCodeLibrary | undefined;
before(async () => {
  support = await loadSuiteSupport(projectRoot);
});

/** check-features on another root, as its own process (see check_features_of.ts). */
async function checkFeaturesOf(root: string): Promise<string> {
  try {
    const run = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "test/explore/check_features_of.ts", root],
      { cwd: projectRoot },
    );
    return run.stdout;
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

for (const { mutant: name, seed, verdict } of CASES) {
  test(`the scenario explore prints against ${name} passes check-features and fails as explore found`, async () => {
    const mutant = MUTANTS.find((m) => m.name === name);
    assert.ok(mutant, `no mutant ${name}`);
    const server = await mutant.start();
    const reference = await startServer();
    try {
      const result = await explore({
        target: server.url,
        users: undefined,
        steps: 20,
        seed,
        runs: 20,
        budgetMs: 60_000,
        path: undefined,
        timeoutMs: 5000,
        shrink: true,
        maxFindings: 1,
      });
      await closeAgents();
      const finding = result.findings[0];
      assert.ok(finding?.gherkin, `explore found nothing against ${name}`);
      assert.ok(finding.shrinkComplete, "shrinking ran to its end");
      const root = await featuresWith(finding.gherkin);
      assert.equal(
        await checkFeaturesOf(root),
        "",
        "check-features on the features with the scenario pasted",
      );
      assert.ok(support);
      const against = await runScenarios(root, "^An explored history", server.url, support);
      assert.equal(against.scenarios, 1);
      assert.deepEqual(
        against[verdict],
        [finding.key],
        `the pasted scenario against ${name}:\n${finding.gherkin}`,
      );
      const passes = await runScenarios(root, "^An explored history", reference.url, support);
      assert.deepEqual([passes.failed, passes.warned], [[], []], "the reference server passes it");
    } finally {
      await server.close();
      await reference.close();
    }
  });
}
