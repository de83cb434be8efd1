// From scenarios to requirement verdicts. A failure counts against the requirement its attachment
// names (so a SCHEMA failure inside an S1 scenario is a SCHEMA failure); the scenario's other
// requirements are inconclusive there, since their checks may not have run. A target fault or a
// harness error makes the scenario's requirements "error"; a scenario that was not claimed makes
// them "not-claimed", one written for another wire "not-applicable". Order of weight: failed >
// error > inconclusive > passed > not-claimed > not-applicable; a requirement no scenario reached
// is untested.
import { REQUIREMENTS } from "../requirements/index.ts";
import type { RequirementOutcome, RequirementVerdict, ScenarioOutcome } from "./model.ts";

type Evidence = Exclude<RequirementVerdict, "untested">;
const WEIGHT: Record<Evidence, number> = {
  failed: 5,
  error: 4,
  inconclusive: 3,
  passed: 2,
  "not-claimed": 1,
  "not-applicable": 0,
};

function evidenceOf(scenario: ScenarioOutcome): Map<string, Evidence> {
  const evidence = new Map<string, Evidence>();
  const failedOn = scenario.status === "failed" ? scenario.failure?.requirementId : undefined;
  const each: Partial<Record<ScenarioOutcome["status"], Evidence>> = {
    passed: "passed",
    failed: "inconclusive",
    "target-fault": "error",
    "harness-error": "error",
    "not-claimed": "not-claimed",
    "not-applicable": "not-applicable",
  };
  const verdict = each[scenario.status];
  if (verdict) for (const id of scenario.requirementIds) evidence.set(id, verdict);
  if (failedOn) evidence.set(failedOn, "failed");
  return evidence;
}

function expectationOf(id: string, scenarios: readonly ScenarioOutcome[]): RequirementOutcome["expected"] {
  const failing = scenarios.filter((s) => s.status === "failed" && s.failure?.requirementId === id);
  const listed = failing.map((s) => s.expectation).filter((e) => e?.outcome === "expected-fail");
  const first = listed[0];
  return first && listed.length === failing.length
    ? { reason: first.reason, tracking: first.tracking }
    : undefined;
}

export function requirementOutcomes(scenarios: readonly ScenarioOutcome[]): RequirementOutcome[] {
  const byId = new Map<string, RequirementOutcome["scenarios"]>();
  for (const scenario of scenarios) {
    for (const [id, verdict] of evidenceOf(scenario)) {
      byId.set(id, [...(byId.get(id) ?? []), { location: scenario.location, name: scenario.name, verdict }]);
    }
  }
  return REQUIREMENTS.map((r) => {
    const list = byId.get(r.id) ?? [];
    const worst = list.reduce<Evidence | undefined>(
      (w, s) => (w === undefined || WEIGHT[s.verdict] > WEIGHT[w] ? s.verdict : w),
      undefined,
    );
    const expected = worst === "failed" ? expectationOf(r.id, scenarios) : undefined;
    return {
      id: r.id,
      level: r.level,
      source: r.source,
      check: r.check,
      verdict: worst ?? "untested",
      ...(expected ? { expected } : {}),
      scenarios: list,
    };
  });
}

export function failedRequirements(report: { requirements: readonly RequirementOutcome[] }): string[] {
  return report.requirements.filter((r) => r.level === "MUST" && r.verdict === "failed").map((r) => r.id);
}

export function warnedRequirements(report: { requirements: readonly RequirementOutcome[] }): string[] {
  return report.requirements.filter((r) => r.level === "SHOULD" && r.verdict === "failed").map((r) => r.id);
}
