// Runs the whole suite in this process against a URL and returns the requirement verdicts.
import { after, before } from "node:test";
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { loadSuiteSupport, runSuite } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { closeAgents } from "../../src/client/index.ts";
import {
  buildReport,
  type ConformanceReport,
  failedRequirements,
  warnedRequirements,
} from "../../src/report/index.ts";

export interface MatrixRow {
  failed: string[];
  warned: string[];
  report: ConformanceReport;
}

export async function runAgainst(url: string, support: ISupportCodeLibrary): Promise<MatrixRow> {
  process.env.CONFORMANCE_TARGET = url;
  process.env.CONFORMANCE_TIMEOUT_MS = "5000";
  const started = new Date().toISOString();
  const suite = await runSuite(projectRoot, { parallel: 0, progress: () => {} }, support);
  await closeAgents();
  const report = buildReport(suite.envelopes, {
    suiteVersion: "test",
    suiteDigest: "test",
    target: url,
    targetKind: "external",
    startedAt: started,
    finishedAt: new Date().toISOString(),
    command: "mutant matrix",
  });
  return { failed: failedRequirements(report).sort(), warned: warnedRequirements(report).sort(), report };
}

/**
 * For a test file that runs the suite against many targets: loads the step definitions once
 * before its tests, puts CONFORMANCE_TARGET back after them, and returns the runner.
 */
export function suiteRunner(): (url: string) => Promise<MatrixRow> {
  let support: ISupportCodeLibrary | undefined;
  const savedTarget = process.env.CONFORMANCE_TARGET;
  before(async () => {
    support = await loadSuiteSupport(projectRoot);
  });
  after(() => {
    if (savedTarget === undefined) delete process.env.CONFORMANCE_TARGET;
    else process.env.CONFORMANCE_TARGET = savedTarget;
  });
  return (url) => {
    if (!support) throw new Error("suiteRunner: the suite's support code is not loaded yet");
    return runAgainst(url, support);
  };
}
