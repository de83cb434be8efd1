// The certification report: what report.json holds (reportFormat 1). Everything a reader needs
// to trust a verdict is in it: which suite (version, digest), which target, when, and per
// requirement the scenarios that decided it, with the transcript of every failed one.
import type { RequirementLevel } from "../requirements/index.ts";
import type { TranscriptEntry } from "./attachments.ts";

export interface RunMeta {
  suiteVersion: string;
  /** sha256 of the features, steps, support code, TL files and sources that ran. */
  suiteDigest: string;
  target: string;
  targetKind: "embedded" | "external";
  startedAt: string;
  finishedAt: string;
  command: string;
}

export type StepStatus = "PASSED" | "FAILED" | "SKIPPED" | "UNDEFINED" | "AMBIGUOUS" | "PENDING" | "UNKNOWN";
export type ScenarioStatus = "passed" | "failed" | "error" | "skipped";

export interface StepOutcome {
  text: string;
  status: StepStatus;
  durationMs: number;
  message?: string;
}

export interface ScenarioOutcome {
  name: string;
  feature: string;
  /** `features/x.feature:12`. */
  location: string;
  tags: string[];
  requirementIds: string[];
  status: ScenarioStatus;
  durationMs: number;
  steps: StepOutcome[];
  /** The first failure's message, and the requirement its prefix names (if it names one). */
  failure?: { message: string; requirementId?: string };
  /** Kept whole for scenarios that did not pass; for passing ones only the count. */
  transcript?: TranscriptEntry[];
  exchanges: number;
}

export type RequirementVerdict = "passed" | "failed" | "error" | "inconclusive" | "untested";

export interface RequirementOutcome {
  id: string;
  level: RequirementLevel;
  source: string;
  check: string;
  verdict: RequirementVerdict;
  /** Each scenario tagged with the requirement or failing on it, with what it says of it. */
  scenarios: { location: string; name: string; verdict: Exclude<RequirementVerdict, "untested"> }[];
}

export type RunVerdict = "PASS" | "PASS_WITH_WARNINGS" | "INCOMPLETE" | "FAIL";

export interface ConformanceReport {
  reportFormat: 1;
  meta: RunMeta;
  verdict: RunVerdict;
  totals: { scenarios: number; passed: number; failed: number; errors: number; skipped: number };
  requirements: RequirementOutcome[];
  scenarios: ScenarioOutcome[];
}
