// Cucumber message streams made by hand, for testing the report without running the suite: one
// scenario per call, with its steps' results and the attachments the harness writes.
import type { Envelope } from "@cucumber/messages";

export interface FakeStep {
  text: string;
  status?: "PASSED" | "FAILED" | "SKIPPED" | "UNDEFINED";
  /** cucumber's exception.type: the error's class name. */
  exceptionType?: string;
  message?: string;
}

export interface FakeScenario {
  name: string;
  tags: string[];
  steps: FakeStep[];
  attachments?: { mediaType: string; body: string }[];
  uri?: string;
  line?: number;
}

let next = 0;
const id = () => `id-${++next}`;
const at = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });

/** The envelopes cucumber emits for these scenarios, in order; the casts fill fields the report never reads. */
export function envelopesOf(scenarios: readonly FakeScenario[]): Envelope[] {
  const out: unknown[] = [];
  let clock = Date.parse("2026-12-01T00:00:00Z");
  for (const s of scenarios) {
    const uri = s.uri ?? "features/fake.feature";
    const pickleSteps = s.steps.map((step) => ({ id: id(), text: step.text }));
    const pickleId = id();
    out.push({
      pickle: {
        id: pickleId,
        uri,
        name: s.name,
        tags: s.tags.map((name) => ({ name })),
        steps: pickleSteps,
        location: { line: s.line ?? ++next },
      },
    });
    const testSteps = pickleSteps.map((p) => ({ id: id(), pickleStepId: p.id }));
    const caseId = id();
    out.push({ testCase: { id: caseId, pickleId, testSteps } });
    const startedId = id();
    out.push({ testCaseStarted: { id: startedId, testCaseId: caseId, timestamp: at(clock) } });
    s.steps.forEach((step, i) => {
      const testStepId = testSteps[i]?.id;
      out.push({ testStepStarted: { testCaseStartedId: startedId, testStepId, timestamp: at(clock) } });
      clock += 5;
      const exception = step.exceptionType ? { type: step.exceptionType, message: step.message } : undefined;
      out.push({
        testStepFinished: {
          testCaseStartedId: startedId,
          testStepId,
          timestamp: at(clock),
          testStepResult: {
            status: step.status ?? "PASSED",
            duration: { seconds: 0, nanos: 5e6 },
            ...(step.message ? { message: `${step.exceptionType}: ${step.message}` } : {}),
            ...(exception ? { exception } : {}),
          },
        },
      });
    });
    for (const a of s.attachments ?? []) out.push({ attachment: { testCaseStartedId: startedId, ...a } });
    out.push({ testCaseFinished: { testCaseStartedId: startedId, timestamp: at(++clock) } });
  }
  return out as Envelope[];
}
