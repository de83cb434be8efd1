// From scenarios to verdicts. A failure counts against the requirement its message names (so a
// SCHEMA failure inside an S1 scenario is a SCHEMA failure); the scenario's other requirements
// are inconclusive there, since their checks may not have run. A harness or transport error
// makes the scenario's requirements "error". Order of weight: failed > error > inconclusive >
// passed; a requirement no scenario reached is untested.
import { REQUIREMENTS } from "../requirements/index.ts";
import type { RequirementOutcome, RequirementVerdict, RunVerdict, ScenarioOutcome } from "./model.ts";

type Evidence = Exclude<RequirementVerdict, "untested">;
const WEIGHT: Record<Evidence, number> = { failed: 4, error: 3, inconclusive: 2, passed: 1 };

function evidenceOf(scenario: ScenarioOutcome): Map<string, Evidence> {
  const evidence = new Map<string, Evidence>();
  const failedOn = scenario.failure?.requirementId;
  for (const id of scenario.requirementIds) {
    if (scenario.status === "passed") evidence.set(id, "passed");
    else if (scenario.status === "failed" && failedOn)
      evidence.set(id, id === failedOn ? "failed" : "inconclusive");
    else if (scenario.status !== "skipped") evidence.set(id, "error");
  }
  if (scenario.status === "failed" && failedOn) evidence.set(failedOn, "failed");
  return evidence;
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
    return {
      id: r.id,
      level: r.level,
      source: r.source,
      check: r.check,
      verdict: worst ?? "untested",
      scenarios: list,
    };
  });
}

export function runVerdict(requirements: readonly RequirementOutcome[]): RunVerdict {
  const must = requirements.filter((r) => r.level === "MUST");
  if (must.some((r) => r.verdict !== "passed" && r.verdict !== "untested")) return "FAIL";
  if (must.some((r) => r.verdict === "untested")) return "INCOMPLETE";
  return requirements.some((r) => r.level === "SHOULD" && r.verdict !== "passed")
    ? "PASS_WITH_WARNINGS"
    : "PASS";
}

export function failedRequirements(report: { requirements: readonly RequirementOutcome[] }): string[] {
  return report.requirements.filter((r) => r.level === "MUST" && r.verdict === "failed").map((r) => r.id);
}

export function warnedRequirements(report: { requirements: readonly RequirementOutcome[] }): string[] {
  return report.requirements.filter((r) => r.level === "SHOULD" && r.verdict === "failed").map((r) => r.id);
}
