// What a CI job does with the run, and its exit code:
//   0 pass: certified (warnings allowed unless --strict), or every failure listed as expected;
//   1 fail: an unlisted MUST failure (or SHOULD with --strict), or a listed entry that passed;
//   2 a usage or harness error; 3 ERROR (the target faulted) or INCOMPLETE.
// Listed failures change only this outcome: the certification verdict beside it stays.
import type { CiOutcome, Interruption, RunVerdict } from "./model.ts";
import type { RunFacts } from "./run_facts.ts";
import { verdictText } from "./run_verdict.ts";

export function ciOutcome(
  facts: RunFacts,
  verdict: RunVerdict,
  options: { strict: boolean; interruption?: Interruption | undefined },
): CiOutcome {
  const { strict, interruption } = options;
  const result = (
    outcome: CiOutcome["outcome"],
    exitCode: CiOutcome["exitCode"],
    summary: string,
  ): CiOutcome => ({
    outcome,
    exitCode,
    strict,
    summary: `${outcome}: ${summary}`,
  });
  if (interruption?.kind === "usage") return result("usage-error", 2, interruption.reason);
  if (interruption?.kind === "harness" || facts.harnessErrors.size > 0)
    return result("harness-error", 2, "the harness failed; the run says nothing about the target");
  if (interruption?.kind === "aborted") return result("incomplete", 3, interruption.reason);
  const failing = facts.unexpectedMust + (strict ? facts.unexpectedShould : 0);
  if (failing > 0 || facts.unexpectedPasses > 0) {
    const parts = [
      failing > 0 ? `${failing} unlisted failures` : "",
      facts.unexpectedPasses > 0
        ? `${facts.unexpectedPasses} listed failures passed (remove them from the list)`
        : "",
    ];
    return result("fail", 1, parts.filter(Boolean).join(", "));
  }
  if (verdict === "ERROR" || facts.targetFaults.size > 0 || interruption?.kind === "unreachable")
    return result("error", 3, "the target faulted, so the run could not judge it");
  if (verdict === "INCOMPLETE" || facts.incomplete.length > 0)
    return result("incomplete", 3, facts.incomplete.join("; ") || "the run is incomplete");
  const listed = facts.expectedFailures > 0 ? `, ${facts.expectedFailures} listed failures` : "";
  const stays =
    verdict === "NOT_CERTIFIED" ? ` (the certification verdict stays ${verdictText(verdict)})` : "";
  return result("pass", 0, `${verdictText(verdict)}${listed}${stays}`);
}
