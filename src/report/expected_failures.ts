// Expected failures: a listed failure is EXPECTED-FAIL (the CI outcome passes, the certification
// verdict stays what it is); a listed entry whose scenarios pass is UNEXPECTED-PASS and fails the
// run, so the list cannot rot.
import type { ExpectedFailure } from "../profile/index.ts";
import type { ExpectedFailureOutcome, ScenarioOutcome } from "./model.ts";

function concerns(entry: ExpectedFailure, s: ScenarioOutcome): boolean {
  if (entry.scenario !== undefined) return entry.scenario === s.name || entry.scenario === s.location;
  return s.requirementIds.includes(entry.requirement) || s.failure?.requirementId === entry.requirement;
}

/** Marks the scenarios each entry speaks of (in place) and says what became of each entry. */
export function applyExpectedFailures(
  scenarios: readonly ScenarioOutcome[],
  entries: readonly ExpectedFailure[],
): ExpectedFailureOutcome[] {
  return entries.map((entry) => {
    const { requirement, reason, tracking } = entry;
    const relevant = scenarios.filter((s) => concerns(entry, s));
    const failing = relevant.filter((s) => s.status === "failed" && s.failure?.requirementId === requirement);
    const ran = relevant.filter(
      (s) => s.status !== "skipped" && s.status !== "not-claimed" && s.status !== "not-applicable",
    );
    let outcome: ExpectedFailureOutcome["outcome"];
    if (failing.length > 0) {
      outcome = "expected-fail";
      for (const s of failing) s.expectation ??= { outcome, reason, tracking };
    } else if (ran.length === 0) {
      outcome = "not-run";
    } else if (ran.every((s) => s.status === "passed")) {
      outcome = "unexpected-pass";
      for (const s of ran) s.expectation ??= { outcome, reason, tracking };
    } else {
      outcome = "not-judged";
    }
    return { ...entry, outcome };
  });
}
