// Envelopes + run metadata → the report.
import type { Envelope } from "@cucumber/messages";
import { collectScenarios } from "./collect_scenarios.ts";
import type { ConformanceReport, RunMeta } from "./model.ts";
import { requirementOutcomes, runVerdict } from "./verdicts.ts";

export function buildReport(envelopes: readonly Envelope[], meta: RunMeta): ConformanceReport {
  const scenarios = collectScenarios(envelopes);
  const requirements = requirementOutcomes(scenarios);
  const count = (status: string) => scenarios.filter((s) => s.status === status).length;
  return {
    reportFormat: 1,
    meta,
    verdict: runVerdict(requirements),
    totals: {
      scenarios: scenarios.length,
      passed: count("passed"),
      failed: count("failed"),
      errors: count("error"),
      skipped: count("skipped"),
    },
    requirements,
    scenarios,
  };
}
