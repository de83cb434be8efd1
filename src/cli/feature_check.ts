// The checks a spec-writer runs after editing features or docs/requirements.yaml: the requirements
// file is sound (and generated), the step language documents itself, every feature parses and
// has the pretty-printer's layout, every step runs exactly one definition, every scenario names
// known requirements with the level tag they make, and every requirement is covered. Each problem
// is one `file:line:column: message` line, placed on the node it is about.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { REQUIREMENTS_FILE, type Requirement } from "../requirements/index.ts";
import { loadRequirements } from "../requirements/load.ts";
import { catalogueProblems } from "./check_catalogue.ts";
import { pickleProblems } from "./check_pickle.ts";
import { formatFeature } from "./format_feature.ts";
import { indexDocument } from "./gherkin_locations.ts";
import type { Problem } from "./problem.ts";
import { sortedProblems } from "./problem.ts";
import { type FeatureFile, readFeatures } from "./read_features.ts";
import { gridCells, missingCells } from "./requirement_grid.ts";
import type { StepCatalogue } from "./step_catalogue.ts";

export interface FeatureCheckOptions {
  /** The project root; uris are relative to it. */
  root: string;
  catalogue: StepCatalogue;
  /** Feature files to check; all of features/ when absent, and then every requirement must be covered. */
  files?: readonly string[];
  /** When given, the requirements file must generate exactly this registry. */
  registry?: readonly Requirement[];
}

/** Where a text first differs from its laid-out form. */
function firstDifference(text: string, formatted: string): { line: number; column: number } {
  const a = text.split("\n");
  const b = formatted.split("\n");
  const line = a.findIndex((l, i) => l !== b[i]);
  const at = line === -1 ? a.length - 1 : line;
  const x = a[at] ?? "";
  const y = b[at] ?? "";
  let column = 0;
  while (column < x.length && x[column] === y[column]) column += 1;
  return { line: at + 1, column: column + 1 };
}

function fileProblems(
  file: FeatureFile,
  catalogue: StepCatalogue,
  requirements: readonly Requirement[],
): Problem[] {
  const problems: Problem[] = [];
  for (const { parseError } of file.envelopes) {
    if (!parseError) continue;
    const { line = 1, column = 1 } = parseError.source.location ?? {};
    problems.push({ uri: file.uri, line, column, message: parseError.message.replace(/^\(\d+:\d+\): /, "") });
  }
  const formatted = formatFeature(file.text, file.uri);
  if (formatted !== undefined && formatted !== file.text) {
    problems.push({
      uri: file.uri,
      ...firstDifference(file.text, formatted),
      message:
        "not laid out as cucumber's pretty-printer does from here (run `tl-conformance format-features`)",
    });
  }
  const index = indexDocument(file.envelopes.find((e) => e.gherkinDocument)?.gherkinDocument);
  const context = { uri: file.uri, index, steps: catalogue.steps, requirements };
  for (const { pickle } of file.envelopes) if (pickle) problems.push(...pickleProblems(context, pickle));
  return problems;
}

export async function checkFeatures(options: FeatureCheckOptions): Promise<Problem[]> {
  const text = await readFile(join(options.root, REQUIREMENTS_FILE), "utf8");
  const loaded = loadRequirements(text);
  const problems: Problem[] = loaded.problems.map((p) => ({ uri: REQUIREMENTS_FILE, ...p }));
  const requirements = loaded.problems.length === 0 ? loaded.requirements : [...(options.registry ?? [])];
  if (
    options.registry &&
    loaded.problems.length === 0 &&
    !isDeepStrictEqual([...options.registry], requirements)
  ) {
    problems.push({
      uri: REQUIREMENTS_FILE,
      line: 1,
      column: 1,
      message: "src/requirements/registry.ts is not what this file generates: run `npm run generate`",
    });
  }
  problems.push(...catalogueProblems(options.catalogue));
  const files = await readFeatures(options.root, options.files);
  const covered = new Set<string>();
  for (const file of files) {
    problems.push(...fileProblems(file, options.catalogue, requirements));
    for (const { pickle } of file.envelopes)
      for (const tag of pickle?.tags ?? []) if (tag.name.startsWith("@REQ-")) covered.add(tag.name.slice(5));
  }
  if (!options.files) {
    for (const r of requirements.filter((x) => !covered.has(x.id))) {
      const where = loaded.lineOf.get(r.id) ?? { line: 1, column: 1 };
      problems.push({
        uri: REQUIREMENTS_FILE,
        ...where,
        message: `requirement ${r.id} (${r.level}) is covered by no scenario`,
      });
    }
    const pickles = files.flatMap((f) => f.envelopes.flatMap((e) => (e.pickle ? [e.pickle] : [])));
    for (const m of missingCells(gridCells(pickles), requirements)) {
      problems.push({
        uri: REQUIREMENTS_FILE,
        ...(loaded.lineOf.get(m.requirement) ?? { line: 1, column: 1 }),
        message: `${m.requirement}: no scenario checks ${m.send} at layer ${m.layer} ${m.direction}, a cell of its grid`,
      });
    }
  }
  return sortedProblems(problems);
}
