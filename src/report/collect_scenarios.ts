// Reads cucumber's message stream into scenario outcomes. Only messages and the harness's
// attachments are read, never console text, so a formatter change cannot change a verdict.
import type { Envelope, Pickle, TestStepResult } from "@cucumber/messages";
import { type Need, tagOfNeed, usedNeeds } from "../profile/index.ts";
import {
  type CompactEntry,
  FAILURE_MEDIA_TYPE,
  FAULT_MEDIA_TYPE,
  type FailureAttachment,
  type FaultAttachment,
  TRANSCRIPT_MEDIA_TYPE,
  type TranscriptEntry,
} from "./attachments.ts";
import { classify, firstProblem, type RecordedStep } from "./classify_failure.ts";
import type { Failure, ScenarioOutcome, StepStatus } from "./model.ts";
import { readFailure, readFault, readTranscript } from "./read_attachment.ts";
import { scrubText } from "./sanitize.ts";
import { scenarioIdentity } from "./scenario_identity.ts";

interface Attempt {
  pickle: Pickle;
  stepTexts: Map<string, string>;
  stepStarts: Map<string, number>;
  steps: RecordedStep[];
  transcript: TranscriptEntry[];
  compact: CompactEntry[];
  exchanges: number;
  failure?: FailureAttachment;
  fault?: FaultAttachment;
  startedAt: number;
  finishedAt: number;
}

const durationMs = (r: TestStepResult) => Number(r.duration.seconds) * 1000 + r.duration.nanos / 1e6;
const millis = (t: { seconds: number; nanos: number }) => Number(t.seconds) * 1000 + t.nanos / 1e6;

function recordStep(attempt: Attempt, stepId: string, result: TestStepResult, at: number): void {
  const text = attempt.stepTexts.get(stepId) ?? "(step)";
  // Hooks count only when they fail: a passing After hook is no step of the scenario.
  if (text === "(hook)" && result.status === "PASSED") return;
  // exception.message is the error's own text; `message` adds the class name and stack.
  const errorText = result.exception?.message ?? result.message;
  attempt.steps.push({
    text,
    status: result.status as StepStatus,
    durationMs: durationMs(result),
    ...(errorText ? { message: scrubText(errorText) } : {}),
    ...(result.exception?.type ? { exceptionType: result.exception.type } : {}),
    startedAt: attempt.stepStarts.get(stepId) ?? at,
    finishedAt: at,
  });
}

function attach(attempt: Attempt, mediaType: string, body: string): void {
  if (mediaType === TRANSCRIPT_MEDIA_TYPE) {
    const { entries, compact, exchanges } = readTranscript(body);
    attempt.transcript.push(...entries);
    attempt.compact.push(...compact);
    attempt.exchanges += exchanges;
  } else if (mediaType === FAILURE_MEDIA_TYPE) {
    attempt.failure ??= readFailure(body);
  } else if (mediaType === FAULT_MEDIA_TYPE) {
    attempt.fault ??= readFault(body);
  }
}

/** A scenario that used a layer or an optional method its tags do not declare is a suite fault. */
function undeclaredNeed(attempt: Attempt, declared: readonly Need[]): Failure | undefined {
  const exchanges =
    attempt.transcript.length > 0
      ? attempt.transcript.map((e) => ({ layer: e.layer, method: e.method, status: e.response?.status }))
      : attempt.compact;
  const missing = usedNeeds(exchanges).filter((n) => !declared.includes(n));
  if (missing.length === 0) return undefined;
  const tags = missing.map(tagOfNeed);
  return {
    kind: "harness",
    code: "SCENARIO_UNDECLARED_NEED",
    message: `SCENARIO_UNDECLARED_NEED: the scenario used ${missing.join(", ")} but is not tagged ${tags.join(" ")}, so a server that does not claim it would be judged on it`,
  };
}

function outcomeOf(attempt: Attempt, feature: string): ScenarioOutcome {
  const { pickle, steps, transcript } = attempt;
  const identity = scenarioIdentity(pickle, feature);
  const classified = classify(steps, attempt.failure, attempt.fault);
  const suiteFault = undeclaredNeed(attempt, identity.needs as Need[]);
  const status = suiteFault ? "harness-error" : classified.status;
  const failure = suiteFault ?? classified.failure;
  if (failure && failure.kind === "target" && failure.code === undefined) {
    const code = transcript.findLast((e) => e.error)?.error?.code;
    if (code) failure.code = code;
  }
  const bad = firstProblem(steps);
  const failing = bad
    ? transcript
        .filter((e) => e.error || within(e.startedAt, bad.startedAt, bad.finishedAt))
        .map((e) => e.seq)
    : [];
  return {
    ...identity,
    status,
    durationMs: Math.max(0, attempt.finishedAt - attempt.startedAt),
    steps: steps.map(({ exceptionType: _t, startedAt: _s, finishedAt: _f, ...step }) => step),
    ...(failure ? { failure } : {}),
    ...(transcript.length > 0 ? { transcript } : {}),
    ...(attempt.compact.length > 0 ? { compactTranscript: attempt.compact } : {}),
    ...(failing.length > 0 ? { failingExchanges: failing } : {}),
    exchanges: attempt.exchanges,
  };
}

function within(iso: string, from: number, to: number): boolean {
  const at = Date.parse(iso);
  // Entries carry millisecond times, steps nanosecond ones: a millisecond of slack each side.
  return at >= Math.floor(from) - 1 && at <= to + 1;
}

export function collectScenarios(envelopes: readonly Envelope[]): ScenarioOutcome[] {
  const pickles = new Map<string, Pickle>();
  const features = new Map<string, string>();
  const testCases = new Map<string, { pickleId: string; steps: Map<string, string | undefined> }>();
  const attempts = new Map<string, Attempt>();
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.uri)
      features.set(envelope.gherkinDocument.uri, envelope.gherkinDocument.feature?.name ?? "");
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) {
      const steps = new Map(envelope.testCase.testSteps.map((s) => [s.id, s.pickleStepId]));
      testCases.set(envelope.testCase.id, { pickleId: envelope.testCase.pickleId, steps });
    }
    const started = envelope.testCaseStarted;
    const testCase = started && testCases.get(started.testCaseId);
    const pickle = testCase && pickles.get(testCase.pickleId);
    if (started && testCase && pickle) {
      const stepTexts = new Map<string, string>();
      for (const [stepId, pickleStepId] of testCase.steps)
        stepTexts.set(stepId, pickle.steps.find((s) => s.id === pickleStepId)?.text ?? "(hook)");
      attempts.set(started.id, {
        pickle,
        stepTexts,
        stepStarts: new Map(),
        steps: [],
        transcript: [],
        compact: [],
        exchanges: 0,
        startedAt: millis(started.timestamp),
        finishedAt: 0,
      });
    }
    const stepStarted = envelope.testStepStarted;
    if (stepStarted)
      attempts
        .get(stepStarted.testCaseStartedId)
        ?.stepStarts.set(stepStarted.testStepId, millis(stepStarted.timestamp));
    const finished = envelope.testStepFinished;
    const attempt = finished && attempts.get(finished.testCaseStartedId);
    if (finished && attempt)
      recordStep(attempt, finished.testStepId, finished.testStepResult, millis(finished.timestamp));
    const attachment = envelope.attachment;
    const owner = attachment?.testCaseStartedId && attempts.get(attachment.testCaseStartedId);
    if (attachment && owner) attach(owner, attachment.mediaType, attachment.body);
    const caseFinished = envelope.testCaseFinished;
    const done = caseFinished && attempts.get(caseFinished.testCaseStartedId);
    if (caseFinished && done) done.finishedAt = millis(caseFinished.timestamp);
  }
  // A scenario still running when the run stopped has no result to report.
  return [...attempts.values()]
    .filter((a) => a.finishedAt > 0)
    .map((a) => outcomeOf(a, features.get(a.pickle.uri) ?? a.pickle.uri));
}
