// Reads cucumber's message stream into scenario outcomes. Only messages are read, never console
// text, so a formatter change cannot change a verdict.
import type { Envelope, Pickle, TestStepResult } from "@cucumber/messages";
import { REQUIREMENTS, requirementIdsOfTags } from "../requirements/index.ts";
import {
  FAILURE_PREFIX,
  TRANSCRIPT_MEDIA_TYPE,
  type TranscriptAttachment,
  type TranscriptEntry,
} from "./attachments.ts";
import type { ScenarioOutcome, ScenarioStatus, StepOutcome, StepStatus } from "./model.ts";
import { sanitizeEntry, scrubText } from "./sanitize.ts";

const KNOWN_IDS = new Set<string>(REQUIREMENTS.map((r) => r.id));

interface Attempt {
  pickle: Pickle;
  stepTexts: Map<string, string>;
  steps: StepOutcome[];
  transcript: TranscriptEntry[];
  exchanges: number;
  startedAt: number;
  finishedAt: number;
}

function durationMs(result: TestStepResult): number {
  return Number(result.duration.seconds) * 1000 + result.duration.nanos / 1e6;
}

function millis(timestamp: { seconds: number; nanos: number }): number {
  return Number(timestamp.seconds) * 1000 + timestamp.nanos / 1e6;
}

/** A message that names a known requirement (`S1-REVEAL: ...`) is a requirement failure. */
function requirementOfMessage(message: string | undefined): string | undefined {
  const id = message === undefined ? undefined : FAILURE_PREFIX.exec(message)?.[1];
  return id && KNOWN_IDS.has(id) ? id : undefined;
}

/**
 * failed: a check of a requirement failed. error: the scenario could not be judged (the target
 * broke the transport, a step is undefined or ambiguous, a hook failed). skipped: nothing ran.
 */
function statusOf(steps: StepOutcome[]): ScenarioStatus {
  const bad = steps.find((s) => s.status !== "PASSED" && s.status !== "SKIPPED");
  if (bad) return bad.status === "FAILED" && requirementOfMessage(bad.message) ? "failed" : "error";
  if (steps.length > 0 && steps.every((s) => s.status === "SKIPPED")) return "skipped";
  return "passed";
}

function failureOf(steps: StepOutcome[]): ScenarioOutcome["failure"] {
  const step = steps.find((s) => s.status !== "PASSED" && s.status !== "SKIPPED");
  if (!step) return undefined;
  const message = step.message ?? `step "${step.text}" is ${step.status.toLowerCase()}`;
  const requirementId = requirementOfMessage(step.message);
  return requirementId ? { message, requirementId } : { message };
}

function parseTranscript(body: string): { entries: TranscriptEntry[]; exchanges: number } {
  try {
    const parsed = JSON.parse(body) as TranscriptAttachment;
    const entries = Array.isArray(parsed.entries) ? parsed.entries.map(sanitizeEntry) : [];
    return { entries, exchanges: typeof parsed.exchanges === "number" ? parsed.exchanges : entries.length };
  } catch {
    return { entries: [], exchanges: 0 };
  }
}

export function collectScenarios(envelopes: readonly Envelope[]): ScenarioOutcome[] {
  const pickles = new Map<string, Pickle>();
  const features = new Map<string, string>();
  const testCases = new Map<string, { pickleId: string; steps: Map<string, string | undefined> }>();
  const attempts = new Map<string, Attempt>();
  const order: string[] = [];
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.uri)
      features.set(envelope.gherkinDocument.uri, envelope.gherkinDocument.feature?.name ?? "");
    if (envelope.pickle) pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) {
      const steps = new Map(envelope.testCase.testSteps.map((s) => [s.id, s.pickleStepId]));
      testCases.set(envelope.testCase.id, { pickleId: envelope.testCase.pickleId, steps });
    }
    const started = envelope.testCaseStarted;
    if (started) {
      const testCase = testCases.get(started.testCaseId);
      const pickle = testCase && pickles.get(testCase.pickleId);
      if (!pickle || !testCase) continue;
      const stepTexts = new Map<string, string>();
      for (const [stepId, pickleStepId] of testCase.steps) {
        const text = pickle.steps.find((s) => s.id === pickleStepId)?.text;
        stepTexts.set(stepId, text ?? "(hook)");
      }
      attempts.set(started.id, {
        pickle,
        stepTexts,
        steps: [],
        transcript: [],
        exchanges: 0,
        startedAt: millis(started.timestamp),
        finishedAt: 0,
      });
      order.push(started.id);
    }
    const finished = envelope.testStepFinished;
    const attempt = finished && attempts.get(finished.testCaseStartedId);
    if (finished && attempt) {
      const result = finished.testStepResult;
      const text = attempt.stepTexts.get(finished.testStepId) ?? "(step)";
      // Hooks count only when they fail: a passing After hook is no step of the scenario.
      if (text !== "(hook)" || result.status !== "PASSED") {
        // exception.message is the error's own text; `message` adds the class name and stack.
        const errorText = result.exception?.message ?? result.message;
        const message = errorText ? scrubText(errorText) : undefined;
        attempt.steps.push({
          text,
          status: result.status as StepStatus,
          durationMs: durationMs(result),
          ...(message ? { message } : {}),
        });
      }
    }
    const attachment = envelope.attachment;
    if (attachment?.mediaType === TRANSCRIPT_MEDIA_TYPE && attachment.testCaseStartedId) {
      const attempt = attempts.get(attachment.testCaseStartedId);
      if (attempt) {
        const { entries, exchanges } = parseTranscript(attachment.body);
        attempt.transcript.push(...entries);
        attempt.exchanges += exchanges;
      }
    }
    const caseFinished = envelope.testCaseFinished;
    if (caseFinished) {
      const done = attempts.get(caseFinished.testCaseStartedId);
      if (done) done.finishedAt = millis(caseFinished.timestamp);
    }
  }
  return order.flatMap((id) => {
    const attempt = attempts.get(id);
    if (!attempt) return [];
    const { pickle, steps, transcript } = attempt;
    const status = statusOf(steps);
    const tags = pickle.tags.map((t) => t.name);
    const failure = failureOf(steps);
    return [
      {
        name: pickle.name,
        feature: features.get(pickle.uri) ?? pickle.uri,
        location: `${pickle.uri}:${pickle.location?.line ?? 0}`,
        tags,
        requirementIds: requirementIdsOfTags(tags),
        status,
        durationMs: Math.max(0, attempt.finishedAt - attempt.startedAt),
        steps,
        ...(failure ? { failure } : {}),
        ...(status === "passed" || status === "skipped" ? {} : { transcript }),
        exchanges: attempt.exchanges,
      },
    ];
  });
}
