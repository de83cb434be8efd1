// Why a scenario did not pass, read from cucumber's result and the harness's attachments, never
// from message text: a RequirementFailure (exception.type) with its failure attachment is a failed
// requirement; a TargetError is a target fault; anything else (a ScenarioError, a HarnessError,
// an undefined or ambiguous step, any other error) is the harness's.
import { REQUIREMENTS, requirement as requirementOf } from "../requirements/index.ts";
import { ERROR_TYPES, type FailureAttachment, type FaultAttachment } from "./attachments.ts";
import type { Failure, ScenarioStatus, StepOutcome } from "./model.ts";

export interface RecordedStep extends StepOutcome {
  /** cucumber's exception.type: the error's class name. */
  exceptionType?: string;
  startedAt: number;
  finishedAt: number;
}

const KNOWN = new Set<string>(REQUIREMENTS.map((r) => r.id));

export function firstProblem(steps: readonly RecordedStep[]): RecordedStep | undefined {
  return steps.find((s) => s.status !== "PASSED" && s.status !== "SKIPPED");
}

export function classify(
  steps: readonly RecordedStep[],
  failure: FailureAttachment | undefined,
  fault: FaultAttachment | undefined,
): { status: ScenarioStatus; failure?: Failure } {
  const step = firstProblem(steps);
  if (!step) {
    const skipped = steps.length > 0 && steps.every((s) => s.status === "SKIPPED");
    return { status: skipped ? "skipped" : "passed" };
  }
  const message = step.message ?? `step "${step.text}" is ${step.status.toLowerCase()}`;
  const base = { message, step: step.text };
  if (step.status === "FAILED" && step.exceptionType === ERROR_TYPES.requirement) {
    if (failure && KNOWN.has(failure.requirement)) {
      const { requirement, ...fields } = failure;
      return {
        status: "failed",
        failure: { kind: "requirement", ...base, requirementId: requirementOf(requirement).id, ...fields },
      };
    }
    return {
      status: "harness-error",
      failure: { kind: "harness", ...base, code: "HARNESS_NO_FAILURE_DETAIL" },
    };
  }
  if (step.status === "FAILED" && step.exceptionType === ERROR_TYPES.target) {
    return {
      status: "target-fault",
      failure: { kind: "target", ...base, ...(fault ? { code: fault.code } : {}) },
    };
  }
  const code = fault?.code ?? (step.status === "FAILED" ? undefined : `STEP_${step.status}`);
  return { status: "harness-error", failure: { kind: "harness", ...base, ...(code ? { code } : {}) } };
}
