// The certification verdict of a run, as a value, a sentence and its reasons. Precedence: the
// harness failing (ERROR) or the run stopping early (INCOMPLETE) first, since then nothing else
// can be trusted; then a failed MUST requirement (NOT CERTIFIED, listed as expected or not: the
// list changes the CI outcome, never the verdict); then a target fault (ERROR: the run could not
// judge); then a run that covers less than the claims (INCOMPLETE); then a failed SHOULD
// requirement (CERTIFIED WITH WARNINGS); else CERTIFIED, for the layers and features claimed.
import { describeLayers } from "../profile/index.ts";
import type { Interruption, RunVerdict, Scope } from "./model.ts";
import type { RunFacts } from "./run_facts.ts";

export function verdictText(verdict: RunVerdict): string {
  return verdict.replaceAll("_", " ");
}

const counted = (codes: Map<string, number>) => [...codes].map(([code, n]) => `${code} ×${n}`).join(", ");
const total = (codes: Map<string, number>) => [...codes.values()].reduce((a, b) => a + b, 0);

function scopeText(scope: Scope): string {
  const features = scope.features.length > 0 ? ` with ${scope.features.join(", ")}` : "";
  const left = scope.notClaimed.length > 0 ? ` (not claimed: ${scope.notClaimed.join(", ")})` : "";
  return `for ${describeLayers(scope.layers)}${features}${left}`;
}

export function reasonsOf(facts: RunFacts, scope: Scope, interruption?: Interruption): string[] {
  const reasons: string[] = [];
  if (interruption?.kind === "harness" || interruption?.kind === "unreachable")
    reasons.push(
      `${interruption.kind === "harness" ? "harness error" : "target unreachable"}: ${interruption.reason}`,
    );
  if (facts.harnessErrors.size > 0)
    reasons.push(
      `harness errors in ${total(facts.harnessErrors)} scenarios (${counted(facts.harnessErrors)})`,
    );
  reasons.push(...facts.incomplete);
  for (const id of facts.mustFailed) reasons.push(`MUST ${id} failed`);
  if (facts.targetFaults.size > 0)
    reasons.push(
      `the target faulted in ${total(facts.targetFaults)} scenarios (${counted(facts.targetFaults)})`,
    );
  for (const id of facts.shouldFailed) reasons.push(`SHOULD ${id} failed (a warning)`);
  if (scope.notClaimed.length > 0) reasons.push(`not claimed, not run: ${scope.notClaimed.join(", ")}`);
  return reasons;
}

export function runVerdict(
  facts: RunFacts,
  scope: Scope,
  interruption?: Interruption,
): { verdict: RunVerdict; line: string } {
  const first = (list: string[]) => list[0] ?? "";
  if (interruption?.kind === "harness" || facts.harnessErrors.size > 0) {
    const why =
      interruption?.kind === "harness"
        ? interruption.reason
        : `harness errors (${counted(facts.harnessErrors)})`;
    return { verdict: "ERROR", line: `ERROR: the harness failed: ${why}` };
  }
  if (interruption?.kind === "aborted" || interruption?.kind === "usage")
    return { verdict: "INCOMPLETE", line: `INCOMPLETE: ${first(facts.incomplete)}` };
  if (facts.mustFailed.length > 0)
    return { verdict: "NOT_CERTIFIED", line: `NOT CERTIFIED: MUST ${facts.mustFailed.join(", ")} failed` };
  if (interruption?.kind === "unreachable")
    return { verdict: "ERROR", line: `ERROR: the target could not be reached: ${interruption.reason}` };
  if (facts.targetFaults.size > 0)
    return {
      verdict: "ERROR",
      line: `ERROR: the target faulted (${counted(facts.targetFaults)}), so the run could not judge it`,
    };
  if (facts.incomplete.length > 0)
    return { verdict: "INCOMPLETE", line: `INCOMPLETE: ${facts.incomplete.join("; ")}` };
  if (facts.shouldFailed.length > 0)
    return {
      verdict: "CERTIFIED_WITH_WARNINGS",
      line: `CERTIFIED WITH WARNINGS ${scopeText(scope)}: SHOULD ${facts.shouldFailed.join(", ")} failed`,
    };
  return { verdict: "CERTIFIED", line: `CERTIFIED ${scopeText(scope)}` };
}
