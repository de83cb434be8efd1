// What the verdict and the CI outcome are decided from, gathered once: which requirements
// failed at which level (listed as expected or not), which codes the faults and harness errors
// had, and why the run cannot stand for the whole suite.
import { REQUIREMENTS } from "../requirements/index.ts";
import type { Interruption, RequirementOutcome, ScenarioOutcome, Scope } from "./model.ts";

export interface RunFacts {
  mustFailed: string[];
  shouldFailed: string[];
  /** Failures of scenarios no expected-failure entry lists, by level. */
  unexpectedMust: number;
  unexpectedShould: number;
  unexpectedPasses: number;
  expectedFailures: number;
  /** Code → count. */
  targetFaults: Map<string, number>;
  harnessErrors: Map<string, number>;
  incomplete: string[];
}

const LEVEL = new Map<string, string>(REQUIREMENTS.map((r) => [r.id, r.level]));

function countCodes(
  scenarios: readonly ScenarioOutcome[],
  status: ScenarioOutcome["status"],
  fallback: string,
) {
  const counts = new Map<string, number>();
  for (const s of scenarios.filter((s) => s.status === status)) {
    const code = s.failure?.code ?? fallback;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

function incompleteReasons(
  requirements: readonly RequirementOutcome[],
  ran: number,
  scope: Scope,
  interruption: Interruption | undefined,
): string[] {
  const reasons: string[] = [];
  if (interruption?.kind === "aborted") reasons.push(`aborted: ${interruption.reason}`);
  if (interruption?.kind === "usage") reasons.push(`usage error: ${interruption.reason}`);
  const selection = scope.selection;
  if (selection && selection.selected < selection.total) {
    const filter = [
      selection.tags && `--tags ${selection.tags}`,
      selection.name && `--name ${selection.name}`,
    ];
    reasons.push(
      `a subset: ${selection.selected} of ${selection.total} scenarios (${filter.filter(Boolean).join(", ")})`,
    );
  }
  if (ran === 0 && interruption === undefined) reasons.push("no scenario ran");
  const untested = requirements
    .filter((r) => r.level === "MUST" && r.verdict === "untested")
    .map((r) => r.id);
  // A subset leaves requirements untested by design; the subset is the reason then.
  if (untested.length > 0 && interruption === undefined && reasons.length === 0)
    reasons.push(`MUST ${untested.join(", ")} untested`);
  return reasons;
}

export function runFacts(
  requirements: readonly RequirementOutcome[],
  scenarios: readonly ScenarioOutcome[],
  scope: Scope,
  interruption?: Interruption,
): RunFacts {
  const failed = (level: "MUST" | "SHOULD") =>
    requirements.filter((r) => r.level === level && r.verdict === "failed").map((r) => r.id);
  const unexpected = (level: "MUST" | "SHOULD") =>
    scenarios.filter(
      (s) =>
        s.status === "failed" &&
        s.expectation?.outcome !== "expected-fail" &&
        LEVEL.get(s.failure?.requirementId ?? "") === level,
    ).length;
  const ran = scenarios.filter(
    (s) => s.status !== "skipped" && s.status !== "not-claimed" && s.status !== "not-applicable",
  ).length;
  return {
    mustFailed: failed("MUST"),
    shouldFailed: failed("SHOULD"),
    unexpectedMust: unexpected("MUST"),
    unexpectedShould: unexpected("SHOULD"),
    unexpectedPasses: scenarios.filter((s) => s.expectation?.outcome === "unexpected-pass").length,
    expectedFailures: scenarios.filter((s) => s.expectation?.outcome === "expected-fail").length,
    targetFaults: countCodes(scenarios, "target-fault", "TARGET_FAULT"),
    harnessErrors: countCodes(scenarios, "harness-error", "HARNESS_ERROR"),
    incomplete: incompleteReasons(requirements, ran, scope, interruption),
  };
}
