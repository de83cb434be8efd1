// The verdict of an exploration and its exit code: a fault or an abort leaves it incomplete (3),
// a MUST finding fails it (1), SHOULD findings alone pass it with warnings (0; 1 with --strict).
import type { ExploreResult } from "./explore.ts";

export type ExploreVerdict = "PASS" | "PASS_WITH_WARNINGS" | "FAIL" | "INCOMPLETE";

export const EXIT_TARGET_FAULT = 3;

export function exploreVerdict(result: ExploreResult): ExploreVerdict {
  if (result.ended === "aborted" || result.findings.some((f) => f.kind === "fault")) return "INCOMPLETE";
  if (result.findings.some((f) => f.level === "MUST")) return "FAIL";
  return result.findings.length > 0 ? "PASS_WITH_WARNINGS" : "PASS";
}

export function exitCodeOf(verdict: ExploreVerdict, strict: boolean): number {
  if (verdict === "INCOMPLETE") return EXIT_TARGET_FAULT;
  if (verdict === "FAIL") return 1;
  return verdict === "PASS_WITH_WARNINGS" && strict ? 1 : 0;
}
