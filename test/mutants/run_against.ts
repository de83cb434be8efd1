// Runs the whole suite in this process against a URL and returns the requirement verdicts.
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { runSuite } from "../../src/cli/run_suite.ts";
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
