// What stopped a run, sorted: a requirement the target broke (a finding with a level), the target
// faulting (an answer the binding forbids, a refusal of a call the history needs, a timeout), or
// the explorer itself going wrong. Shrinking keeps the same key, so the shortest history still
// fails the same way.
import { TargetError } from "../client/index.ts";
import { type RequirementLevel, requirement } from "../requirements/index.ts";
import { RequirementFailure } from "../session/index.ts";

export interface RunFailure {
  /** The requirement id, the TARGET_ code, or SCENARIO_ERROR / INTERNAL_ERROR. */
  key: string;
  kind: "requirement" | "fault";
  level: RequirementLevel | undefined;
  message: string;
}

export function classifyFailure(error: unknown): RunFailure {
  if (error instanceof RequirementFailure) {
    const id = error.requirementId;
    return { key: id, kind: "requirement", level: requirement(id).level, message: error.message };
  }
  if (error instanceof TargetError)
    return { key: error.code, kind: "fault", level: undefined, message: error.message };
  if (error instanceof Error && error.name === "ScenarioError")
    return { key: "SCENARIO_ERROR", kind: "fault", level: undefined, message: error.message };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { key: "INTERNAL_ERROR", kind: "fault", level: undefined, message };
}
