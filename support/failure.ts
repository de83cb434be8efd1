// A failed check: the message starts with the requirement id (src/report/attachments.ts,
// FAILURE_PREFIX), then says Requirement, Expected, Actual and the JSON pointer, as h2spec and
// test262 do, so a vendor can act on it without reading the suite.
import type { FailureAttachment } from "../src/report/attachments.ts";
import { requirement } from "../src/requirements/index.ts";

export interface FailureDetail {
  /** What was looked at, e.g. "B's view of A (users.getUsers)". */
  subject: string;
  expected: string;
  actual: string;
  pointer?: string;
}

export class RequirementFailure extends Error {
  override name = "RequirementFailure";

  constructor(
    readonly requirementId: string,
    readonly detail: FailureDetail,
  ) {
    const req = requirement(requirementId);
    const at = detail.pointer === undefined ? "" : ` at ${detail.pointer || "/"}`;
    super(
      [
        `${req.id}: ${detail.subject}: expected ${detail.expected}, got ${detail.actual}${at}`,
        `  Requirement: (${req.level}) ${req.source}`,
        `  Expected: ${detail.expected}`,
        `  Actual: ${detail.actual}`,
        ...(detail.pointer === undefined ? [] : [`  Pointer: ${detail.pointer || "/"}`]),
      ].join("\n"),
    );
  }

  /** The structured detail the report reads (src/report/attachments.ts). */
  toAttachment(): FailureAttachment {
    const { subject, expected, actual, pointer } = this.detail;
    return {
      requirement: this.requirementId,
      subject,
      expected,
      actual,
      ...(pointer === undefined ? {} : { pointer }),
    };
  }
}

/** Throws a RequirementFailure unless the condition holds. */
export function check(condition: boolean, requirementId: string, detail: FailureDetail): void {
  if (!condition) throw new RequirementFailure(requirementId, detail);
}

/** A problem of the scenario itself (a step used before its setup), not of the target. */
export class ScenarioError extends Error {
  override name = "ScenarioError";

  constructor(message: string) {
    super(`SCENARIO_ERROR: ${message}`);
  }
}
