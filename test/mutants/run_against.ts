// Runs the whole suite in this process against a target and returns the requirement verdicts: a
// TL-JSON URL, or an MTProto front end (tcp:// with its public key). Scenarios written for the
// other wire are left out, as `tl-conformance run` leaves them out. It sets the CONFORMANCE_
// environment of the process it runs in: test files call it in a suite worker
// (test/suite_worker.ts), whose environment is its own copy.
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { runSuite } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { closeAgents } from "../../src/client/index.ts";
import { wireTagExpression } from "../../src/profile/index.ts";
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

/** Scenarios the run could not judge (a target fault or a harness error), one line each. */
export function unjudged(report: ConformanceReport): string[] {
  return report.scenarios
    .filter((s) => s.status === "target-fault" || s.status === "harness-error")
    .map((s) => `${s.location}: ${s.failure?.message.split("\n", 1)[0]}`);
}

export type RunTarget = string | { url: string; rsaPublicKeyPem: string };

export interface RunChoice {
  /** A tag expression choosing part of the suite (ANDed with the wire's). */
  tags?: string;
  /** Only these scenarios, as `features/x.feature:LINE`. */
  scenarios?: readonly string[];
}

export async function runAgainst(
  target: RunTarget,
  support: ISupportCodeLibrary,
  choice: RunChoice = {},
): Promise<MatrixRow> {
  const url = typeof target === "string" ? target : target.url;
  const wire = typeof target === "string" ? "http-json" : "mtproto";
  process.env.CONFORMANCE_TARGET = url;
  if (typeof target === "string") delete process.env.CONFORMANCE_RSA_KEY_PEM;
  else process.env.CONFORMANCE_RSA_KEY_PEM = target.rsaPublicKeyPem;
  process.env.CONFORMANCE_TIMEOUT_MS = "5000";
  const started = new Date().toISOString();
  const tags = [wireTagExpression(wire), choice.tags && `(${choice.tags})`].filter(Boolean).join(" and ");
  const suite = await runSuite(
    projectRoot,
    { parallel: 0, tags, ...(choice.scenarios ? { scenarios: choice.scenarios } : {}), progress: () => {} },
    support,
  );
  await closeAgents();
  const report = buildReport(suite.envelopes, {
    suiteVersion: "test",
    suiteDigest: "test",
    target: url,
    targetKind: "external",
    startedAt: started,
    finishedAt: new Date().toISOString(),
    command: "mutant matrix",
    wire,
  });
  return { failed: failedRequirements(report).sort(), warned: warnedRequirements(report).sort(), report };
}
