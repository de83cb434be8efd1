// The certification report: what report.json holds (reportFormat 2, docs/report.schema.json).
// Everything a reader needs to trust a verdict is in it: which suite (version, digest), which
// target and configuration, when and where it ran, what the server claimed, per requirement the
// scenarios that decided it, every failure as structured fields, and the transcripts.
import type { RequirementLevel } from "../requirements/index.ts";
import type { CompactEntry, TranscriptEntry } from "./attachments.ts";
import type { ScenarioIdentity } from "./scenario_identity.ts";

export interface Provenance {
  node: string;
  /** `linux 6.1.0 x64`. */
  os: string;
  /** compiled: the built package (dist/); source: TypeScript through tsx (a clone). */
  runtime: "compiled" | "source";
}

/** One setting of the run as it took effect, and where it came from; secrets redacted. */
export interface ConfigurationEntry {
  value: unknown;
  source: "flag" | "environment" | "profile" | "default";
}

export interface RunMeta {
  suiteVersion: string;
  /** sha256 of the features, steps, support code, TL files and sources (tests left out). */
  suiteDigest: string;
  target: string;
  targetKind: "embedded" | "external";
  startedAt: string;
  finishedAt: string;
  command: string;
  provenance?: Provenance;
  configuration?: Record<string, ConfigurationEntry>;
  /** The wire the run spoke: http-json (TL-JSON over HTTP) or mtproto. */
  wire?: string;
  /** The MTProto transport (abridged, intermediate, padded, full) when the wire is MTProto. */
  transport?: string;
}

export type StepStatus = "PASSED" | "FAILED" | "SKIPPED" | "UNDEFINED" | "AMBIGUOUS" | "PENDING" | "UNKNOWN";

/**
 * passed; failed: a requirement check failed; target-fault: the target broke the transport or
 * the binding (TargetError), so the scenario could not be judged; harness-error: the suite
 * itself failed (an undefined step, a scenario error, a harness error); skipped: nothing ran;
 * not-claimed: it needs a layer or feature the server does not claim, so it did not run;
 * not-applicable: it is written for another wire than the run's (@wire-…), so it did not run.
 */
export type ScenarioStatus =
  | "passed"
  | "failed"
  | "target-fault"
  | "harness-error"
  | "skipped"
  | "not-claimed"
  | "not-applicable";

export interface StepOutcome {
  text: string;
  status: StepStatus;
  durationMs: number;
  message?: string;
}

export interface Failure {
  kind: "requirement" | "target" | "harness";
  /** The error's own text (scrubbed), for people. */
  message: string;
  /** The failing step's text. */
  step?: string;
  /** kind requirement: the attachment's fields. */
  requirementId?: string;
  subject?: string;
  expected?: string;
  actual?: string;
  pointer?: string;
  /** kind target or harness: the stable code (TARGET_TIMEOUT, HARNESS_ABORTED, …). */
  code?: string;
}

export interface Expectation {
  outcome: "expected-fail" | "unexpected-pass";
  reason: string;
  tracking: string;
}

export interface ScenarioOutcome extends ScenarioIdentity {
  status: ScenarioStatus;
  durationMs: number;
  steps: StepOutcome[];
  failure?: Failure;
  expectation?: Expectation;
  /** Whole exchanges: for scenarios that did not pass, or every scenario with --transcripts all. */
  transcript?: TranscriptEntry[];
  /** Method, layer, status and size of each exchange of a passing scenario. */
  compactTranscript?: CompactEntry[];
  /** seq of the exchanges made during the failing step. */
  failingExchanges?: number[];
  exchanges: number;
}

export type RequirementVerdict =
  | "passed"
  | "failed"
  | "error"
  | "inconclusive"
  | "untested"
  | "not-claimed"
  | "not-applicable";

export interface RequirementOutcome {
  id: string;
  level: RequirementLevel;
  source: string;
  check: string;
  verdict: RequirementVerdict;
  /** Set when every failure of it was listed as expected. */
  expected?: { reason: string; tracking: string };
  /** Each scenario tagged with the requirement or failing on it, with what it says of it. */
  scenarios: { location: string; name: string; verdict: Exclude<RequirementVerdict, "untested"> }[];
}

export type RunVerdict = "CERTIFIED" | "CERTIFIED_WITH_WARNINGS" | "NOT_CERTIFIED" | "ERROR" | "INCOMPLETE";

export interface ExpectedFailureOutcome {
  requirement: string;
  scenario?: string;
  reason: string;
  tracking: string;
  /** expected-fail: it failed as listed; unexpected-pass: it passed (the run fails); not-run; not-judged. */
  outcome: "expected-fail" | "unexpected-pass" | "not-run" | "not-judged";
}

/** What a CI job should do with the run; the exit code is this outcome's. */
export interface CiOutcome {
  outcome: "pass" | "fail" | "usage-error" | "harness-error" | "error" | "incomplete";
  exitCode: 0 | 1 | 2 | 3;
  strict: boolean;
  /** One sentence, e.g. "pass: the only failures are listed as expected (2)". */
  summary: string;
}

export interface Scope {
  /** What the server claims. */
  layers: number[];
  features: string[];
  /** Needs of scenarios that did not run because the server does not claim them. */
  notClaimed: string[];
  /** Set when a filter chose part of the suite. */
  selection?: { tags?: string; name?: string; selected: number; total: number };
}

/** A run that stopped before or while the suite ran. */
export interface Interruption {
  kind: "usage" | "unreachable" | "harness" | "aborted";
  reason: string;
}

export interface Totals {
  scenarios: number;
  passed: number;
  failed: number;
  targetFaults: number;
  harnessErrors: number;
  skipped: number;
  notClaimed: number;
  notApplicable: number;
  expectedFailures: number;
  unexpectedPasses: number;
}

export interface ConformanceReport {
  reportFormat: 2;
  meta: RunMeta;
  verdict: RunVerdict;
  /** The verdict as a sentence: "CERTIFIED for layers 1–3", "NOT CERTIFIED: MUST S1-REVEAL failed". */
  verdictLine: string;
  /** Why the verdict is what it is, one line each. */
  reasons: string[];
  ci: CiOutcome;
  scope: Scope;
  interruption?: Interruption;
  totals: Totals;
  requirements: RequirementOutcome[];
  expectedFailures: ExpectedFailureOutcome[];
  scenarios: ScenarioOutcome[];
}
