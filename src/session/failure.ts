// A failed check is a chai AssertionError (actual and expected, which cucumber's formatters show
// as a diff) that also names its requirement. Its message starts with the requirement id, then
// says Requirement, Expected, Actual and the JSON pointer, as h2spec and test262 do, so a vendor
// can act on it without reading the suite. The report reads the structured fields it attaches.
import { AssertionError, expect } from "chai";
import type { FailureAttachment } from "../report/attachments.ts";
import { type RequirementId, requirement } from "../requirements/index.ts";

export interface FailureDetail {
  /** What was looked at, e.g. "B's view of A (users.getUsers)". */
  subject: string;
  expected: string;
  actual: string;
  pointer?: string;
}

function messageOf(requirementId: RequirementId, detail: FailureDetail): string {
  const req = requirement(requirementId);
  const at = detail.pointer === undefined ? "" : ` at ${detail.pointer || "/"}`;
  return [
    `${req.id}: ${detail.subject}: expected ${detail.expected}, got ${detail.actual}${at}`,
    `  Requirement: (${req.level}) ${req.source}`,
    `  Expected: ${detail.expected}`,
    `  Actual: ${detail.actual}`,
    ...(detail.pointer === undefined ? [] : [`  Pointer: ${detail.pointer || "/"}`]),
  ].join("\n");
}

interface DiffProps {
  actual: string;
  expected: string;
  showDiff: boolean;
}

export class RequirementFailure extends AssertionError<DiffProps> {
  readonly requirementId: RequirementId;
  readonly detail: FailureDetail;

  constructor(requirementId: RequirementId, detail: FailureDetail) {
    super(messageOf(requirementId, detail), {
      actual: detail.actual,
      expected: detail.expected,
      showDiff: true,
    });
    this.requirementId = requirementId;
    this.detail = detail;
    // chai types `name` as "AssertionError"; the stack and the console say which failure it is.
    Object.defineProperty(this, "name", { value: "RequirementFailure" });
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
export function check(condition: boolean, requirementId: RequirementId, detail: FailureDetail): void {
  if (!condition) throw new RequirementFailure(requirementId, detail);
}

/**
 * Runs a chai assertion about `actual` and turns its AssertionError into the requirement's
 * failure, keeping chai's own wording of what differed.
 */
export function expectFor(
  requirementId: RequirementId,
  detail: Omit<FailureDetail, "actual" | "expected"> & { describe?: (value: unknown) => string },
  actual: unknown,
  assertion: (it: Chai.Assertion) => void,
): void {
  try {
    assertion(expect(actual));
  } catch (error) {
    if (!(error instanceof AssertionError)) throw error;
    const show = detail.describe ?? ((v: unknown) => JSON.stringify(v));
    throw new RequirementFailure(requirementId, {
      subject: detail.subject,
      expected: "expected" in error ? show(error.expected) : error.message,
      actual: show(actual),
      ...(detail.pointer === undefined ? {} : { pointer: detail.pointer }),
    });
  }
}

/** A problem of the scenario itself (a step used before its setup), not of the target. */
export class ScenarioError extends Error {
  override name = "ScenarioError";

  constructor(message: string) {
    super(`SCENARIO_ERROR: ${message}`);
  }
}
