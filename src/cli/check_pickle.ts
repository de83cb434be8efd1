// check-features on one scenario (one pickle: one row of an outline): each step runs exactly one
// definition whose types accept its values, its placeholders are known, and its tags name known
// requirements with the level tag they make. Every problem is placed on its own node: a step on
// the step's line, a tag on the tag.
import type { Location, Pickle, PickleStep } from "@cucumber/messages";
import type { Requirement } from "../requirements/index.ts";
import { requirementIdsOfTags } from "../requirements/index.ts";
import { placeholdersIn } from "../session/placeholders.ts";
import type { NodeIndex } from "./gherkin_locations.ts";
import type { Problem } from "./problem.ts";
import type { CatalogueEntry } from "./step_catalogue.ts";

const LEVEL_TAG = { MUST: "@must", SHOULD: "@should" } as const;

export interface PickleContext {
  uri: string;
  index: NodeIndex;
  steps: readonly CatalogueEntry[];
  requirements: readonly Requirement[];
}

function at(
  c: PickleContext,
  location: Location | undefined,
  message: string,
  offset = { line: 0, column: 0 },
): Problem {
  return {
    uri: c.uri,
    line: (location?.line ?? 1) + offset.line,
    column: (location?.column ?? 1) + offset.column,
    message,
  };
}

/** " (example at line N)" for a step of an outline, whose text comes from an example row. */
function rowNote(c: PickleContext, step: PickleStep): string {
  const row = c.index.location(step.astNodeIds[1]);
  return row ? ` (the example at line ${row.line})` : "";
}

function definitionProblem(
  step: PickleStep,
  steps: readonly CatalogueEntry[],
  note: string,
): string | undefined {
  const quoted = `"${step.text}"${note}`;
  const runs = steps.filter((d) => d.matches(step.text));
  if (runs.length === 0) return `undefined step ${quoted} (see \`tl-conformance steps\`)`;
  if (runs.length > 1)
    return `ambiguous step ${quoted} matches ${runs.map((d) => `${d.uri}:${d.line}`).join(", ")}`;
  try {
    (runs[0] as CatalogueEntry).argumentsOf(step.text);
  } catch (error) {
    return `step ${quoted}: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

function stepProblems(c: PickleContext, step: PickleStep): Problem[] {
  const node = c.index.step(step.astNodeIds[0]);
  const note = rowNote(c, step);
  const problems: Problem[] = [];
  const definition = definitionProblem(step, c.steps, note);
  if (definition) problems.push(at(c, node?.location, definition));
  for (const p of placeholdersIn(step.text).filter((x) => x.problem))
    problems.push(at(c, node?.location, `${p.problem}${note}`));
  const content = step.argument?.docString?.content ?? "";
  for (const p of placeholdersIn(content).filter((x) => x.problem)) {
    const before = content.slice(0, p.index).split("\n");
    // In an outline the doc string holds an example's values, so the place is the delimiter's.
    const offset = note
      ? { line: 0, column: 0 }
      : { line: before.length, column: (before.at(-1) ?? "").length };
    problems.push(at(c, node?.docString?.location, `${p.problem}${note}`, offset));
  }
  return problems;
}

function tagProblems(c: PickleContext, pickle: Pickle): Problem[] {
  const problems: Problem[] = [];
  const scenario = c.index.location(pickle.astNodeIds[0]);
  const tagAt = (name: string) => c.index.location(pickle.tags.find((t) => t.name === name)?.astNodeId);
  const ids = requirementIdsOfTags(pickle.tags.map((t) => t.name));
  if (ids.length === 0) problems.push(at(c, scenario, `scenario "${pickle.name}" has no @REQ-<id> tag`));
  const known = ids.flatMap((id) => c.requirements.filter((r) => r.id === id));
  for (const id of ids.filter((i) => !known.some((r) => r.id === i)))
    problems.push(at(c, tagAt(`@REQ-${id}`), `@REQ-${id} names no requirement of docs/requirements.yaml`));
  if (known.length === 0) return problems;
  const must = known.find((r) => r.level === "MUST");
  const level = must ? "MUST" : "SHOULD";
  const why = `${(must ?? (known[0] as Requirement)).id} is ${level}`;
  const wrong = level === "MUST" ? LEVEL_TAG.SHOULD : LEVEL_TAG.MUST;
  if (tagAt(wrong))
    problems.push(
      at(c, tagAt(wrong), `tagged ${wrong}, but its requirements make it ${LEVEL_TAG[level]} (${why})`),
    );
  if (!tagAt(LEVEL_TAG[level]))
    problems.push(at(c, scenario, `scenario "${pickle.name}" must be tagged ${LEVEL_TAG[level]} (${why})`));
  return problems;
}

export function pickleProblems(c: PickleContext, pickle: Pickle): Problem[] {
  return [...pickle.steps.flatMap((s) => stepProblems(c, s)), ...tagProblems(c, pickle)];
}
