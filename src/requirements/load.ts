// Reads docs/requirements.yaml: YAML, then the schema (schema.ts), then what a schema cannot say
// (ids unique, no pair fact on a check without a pair). Every problem carries the line and column
// of the value it is about, so a spec-writer's edit fails where it was made.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { type Document, isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { GENERIC_CHECKS } from "./checks.ts";
import { requirementsSchema } from "./schema.ts";
import type { Requirement } from "./types.ts";

export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export interface LoadedRequirements {
  requirements: Requirement[];
  problems: FileProblem[];
  /** Where each requirement's entry starts (its `id`), for messages about a requirement. */
  lineOf: Map<string, { line: number; column: number }>;
}

let validate: ReturnType<Ajv2020["compile"]> | undefined;

function validator() {
  validate ??= new Ajv2020({ allErrors: true, strict: true }).compile(requirementsSchema());
  return validate;
}

type Path = (string | number)[];

function pathOf(pointer: string): Path {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The position of the node at a path (or of a key under it), falling back to its nearest parent. */
function positionOf(
  doc: Document,
  counter: LineCounter,
  path: Path,
  key?: string,
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (depth === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      if (start !== undefined) return at(counter, start);
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return at(counter, range[0]);
  }
  return { line: 1, column: 1 };
}

function at(counter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

function schemaProblem(doc: Document, counter: LineCounter, error: ErrorObject): FileProblem {
  const extra =
    error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : undefined;
  const where = positionOf(doc, counter, pathOf(error.instancePath), extra);
  const allowed = error.keyword === "enum" ? `: ${(error.params.allowedValues as string[]).join(", ")}` : "";
  const what = extra ? `unknown field "${extra}"` : `${error.message ?? "invalid"}${allowed}`;
  return { ...where, message: `${error.instancePath || "/"}: ${what}` };
}

function meaningProblems(doc: Document, counter: LineCounter, list: Requirement[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  list.forEach((r, i) => {
    if (seen.has(r.id)) {
      problems.push({
        ...positionOf(doc, counter, ["requirements", i, "id"]),
        message: `requirement ${r.id} is written twice`,
      });
    }
    seen.add(r.id);
    (r.speaksFor ?? []).forEach((s, j) => {
      if (GENERIC_CHECKS[s.check].pair || (s.when === undefined && s.unless === undefined)) return;
      problems.push({
        ...positionOf(doc, counter, ["requirements", i, "speaksFor", j]),
        message: `${r.id}: ${s.check} is about no pair of users, so it takes no "when" or "unless"`,
      });
    });
  });
  return problems;
}

export function loadRequirements(text: string): LoadedRequirements {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineOf = new Map<string, { line: number; column: number }>();
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      ...at(counter, e.pos[0]),
      message: e.message.split("\n", 1)[0] ?? e.code,
    }));
    return { requirements: [], problems, lineOf };
  }
  const value: unknown = doc.toJS();
  const check = validator();
  if (!check(value)) {
    const problems = (check.errors ?? []).map((e) => schemaProblem(doc, counter, e));
    return { requirements: [], problems, lineOf };
  }
  const requirements = (value as { requirements: Requirement[] }).requirements;
  requirements.forEach((r, i) => {
    lineOf.set(r.id, positionOf(doc, counter, ["requirements", i, "id"]));
  });
  return { requirements, problems: meaningProblems(doc, counter, requirements), lineOf };
}
