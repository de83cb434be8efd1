// Envelopes + run metadata + what the run was asked to judge → the report.
import type { Envelope } from "@cucumber/messages";
import { ALL_CLAIMS, type Claims, type ExpectedFailure, isClaimed, type Need } from "../profile/index.ts";
import { ciOutcome } from "./ci_outcome.ts";
import { collectScenarios } from "./collect_scenarios.ts";
import { applyExpectedFailures } from "./expected_failures.ts";
import type { ConformanceReport, Interruption, RunMeta, ScenarioOutcome, Scope, Totals } from "./model.ts";
import { currentProvenance } from "./provenance.ts";
import { redactReport } from "./redact_report.ts";
import { runFacts } from "./run_facts.ts";
import { reasonsOf, runVerdict } from "./run_verdict.ts";
import type { ScenarioIdentity } from "./scenario_identity.ts";
import { requirementOutcomes } from "./verdicts.ts";

/** A scenario the claims kept from running, as the selection found it. */
export type NotClaimedScenario = ScenarioIdentity;

export interface ReportContext {
  claims?: Claims;
  notClaimed?: readonly NotClaimedScenario[];
  /** Scenarios written for another wire than the run's. */
  notApplicable?: readonly NotClaimedScenario[];
  selection?: Scope["selection"];
  expectedFailures?: readonly ExpectedFailure[];
  interruption?: Interruption;
  strict?: boolean;
  /** Values to redact wherever they appear (extra header values). */
  secrets?: readonly string[];
  /** Said beside the verdict's reasons (TLS verification turned off). */
  warnings?: readonly string[];
}

function totalsOf(scenarios: readonly ScenarioOutcome[]): Totals {
  const count = (status: ScenarioOutcome["status"]) => scenarios.filter((s) => s.status === status).length;
  const expecting = (outcome: string) => scenarios.filter((s) => s.expectation?.outcome === outcome).length;
  return {
    scenarios: scenarios.length,
    passed: count("passed"),
    failed: count("failed"),
    targetFaults: count("target-fault"),
    harnessErrors: count("harness-error"),
    skipped: count("skipped"),
    notClaimed: count("not-claimed"),
    notApplicable: count("not-applicable"),
    expectedFailures: expecting("expected-fail"),
    unexpectedPasses: expecting("unexpected-pass"),
  };
}

export function buildReport(
  envelopes: readonly Envelope[],
  meta: RunMeta,
  context: ReportContext = {},
): ConformanceReport {
  const claims = context.claims ?? ALL_CLAIMS;
  const notRun = (list: readonly NotClaimedScenario[] | undefined, status: ScenarioOutcome["status"]) =>
    (list ?? []).map((s): ScenarioOutcome => ({ ...s, status, durationMs: 0, steps: [], exchanges: 0 }));
  const notClaimed = notRun(context.notClaimed, "not-claimed");
  const notApplicable = notRun(context.notApplicable, "not-applicable");
  const scenarios = [...collectScenarios(envelopes), ...notClaimed, ...notApplicable];
  const expectedFailures = applyExpectedFailures(scenarios, context.expectedFailures ?? []);
  const requirements = requirementOutcomes(scenarios);
  const scope: Scope = {
    layers: [...claims.layers],
    features: [...claims.features],
    notClaimed: [...new Set(notClaimed.flatMap((s) => s.needs as Need[]))]
      .filter((n) => !isClaimed(n, claims))
      .sort(),
    ...(context.selection ? { selection: context.selection } : {}),
  };
  const { interruption } = context;
  const facts = runFacts(requirements, scenarios, scope, interruption);
  const { verdict, line } = runVerdict(facts, scope, interruption);
  const report: ConformanceReport = {
    reportFormat: 2,
    meta: { ...meta, provenance: meta.provenance ?? currentProvenance() },
    verdict,
    verdictLine: line,
    reasons: [
      ...(context.warnings ?? []),
      ...reasonsOf(facts, scope, interruption),
      ...(notApplicable.length > 0
        ? [`not applicable on ${meta.wire ?? "this wire"}, not run: ${notApplicable.length} scenarios`]
        : []),
    ],

    ci: ciOutcome(facts, verdict, { strict: context.strict ?? false, interruption }),
    scope,
    ...(interruption ? { interruption } : {}),
    totals: totalsOf(scenarios),
    requirements,
    expectedFailures,
    scenarios,
  };
  return redactReport(report, context.secrets ?? []);
}
