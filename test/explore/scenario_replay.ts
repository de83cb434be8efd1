// A printed scenario put where a spec-writer would paste it: a temporary copy of the project's
// features with the scenario in a feature file of its own, which check-features and the suite
// runner read as they read the project (step definitions from the project itself).
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { runSuite } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { closeAgents } from "../../src/client/index.ts";
import { buildReport, failedRequirements, warnedRequirements } from "../../src/report/index.ts";

/** A project root whose features are the project's plus the scenario. */
export async function featuresWith(scenario: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "tlc-explored-"));
  await cp(join(projectRoot, "features"), join(root, "features"), { recursive: true });
  await mkdir(join(root, "features", "explored"));
  await writeFile(
    join(root, "features", "explored", "explored.feature"),
    `Feature: Histories found by explore\n\n${scenario}`,
  );
  return root;
}

/** Runs the scenarios whose name matches against a URL; the requirements they failed and warned. */
export async function runScenarios(
  root: string,
  name: string,
  url: string,
  support: ISupportCodeLibrary,
): Promise<{ failed: string[]; warned: string[]; scenarios: number }> {
  const saved = process.env.CONFORMANCE_TARGET;
  process.env.CONFORMANCE_TARGET = url;
  try {
    const suite = await runSuite(root, { parallel: 0, name, progress: () => {} }, support);
    const report = buildReport(suite.envelopes, {
      suiteVersion: "test",
      suiteDigest: "test",
      target: url,
      targetKind: "external",
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      command: "explored scenario",
    });
    return {
      failed: failedRequirements(report).sort(),
      warned: warnedRequirements(report).sort(),
      scenarios: report.scenarios.length,
    };
  } finally {
    await closeAgents();
    if (saved === undefined) delete process.env.CONFORMANCE_TARGET;
    else process.env.CONFORMANCE_TARGET = saved;
  }
}
