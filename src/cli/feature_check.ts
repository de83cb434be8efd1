// The checks a spec-writer runs after editing features: the Gherkin parses, every step runs
// exactly one definition, every scenario names known requirements with their level tag, and
// every requirement is covered, and the files have the pretty-printer's layout. Each problem is
// one `file:line: message` line.

import { join } from "node:path";
import type { Pickle } from "@cucumber/messages";
import { REQUIREMENTS, requirementIdsOfTags } from "../requirements/index.ts";
import { isFormatted } from "./format_feature.ts";
import { readFeatures } from "./read_features.ts";
import type { CatalogueEntry } from "./step_catalogue.ts";

const LEVEL_TAG = { MUST: "@must", SHOULD: "@should" } as const;

function checkPickle(pickle: Pickle, steps: readonly CatalogueEntry[], problems: string[]): string[] {
  const where = `${pickle.uri}:${pickle.location?.line ?? 0}`;
  for (const step of pickle.steps) {
    const count = steps.filter((d) => d.matches(step.text)).length;
    if (count === 0) problems.push(`${where}: undefined step "${step.text}" (see \`tl-conformance steps\`)`);
    if (count > 1) problems.push(`${where}: ambiguous step "${step.text}" matches ${count} definitions`);
  }
  const tags = pickle.tags.map((t) => t.name);
  const ids = requirementIdsOfTags(tags);
  if (ids.length === 0) problems.push(`${where}: scenario "${pickle.name}" has no @REQ-<id> tag`);
  const known = ids.flatMap((id) => REQUIREMENTS.filter((r) => r.id === id));
  for (const id of ids)
    if (!REQUIREMENTS.some((r) => r.id === id)) problems.push(`${where}: unknown requirement @REQ-${id}`);
  const level = known.some((r) => r.level === "MUST") ? "MUST" : "SHOULD";
  if (known.length > 0 && !tags.includes(LEVEL_TAG[level])) {
    problems.push(`${where}: scenario checks a ${level} requirement and must be tagged ${LEVEL_TAG[level]}`);
  }
  const other = level === "MUST" ? LEVEL_TAG.SHOULD : LEVEL_TAG.MUST;
  if (tags.includes(other))
    problems.push(`${where}: tagged ${other}, but its requirements make it ${LEVEL_TAG[level]}`);
  return ids;
}

export async function checkFeatures(
  projectRoot: string,
  steps: readonly CatalogueEntry[],
): Promise<string[]> {
  const problems: string[] = [];
  const covered = new Set<string>();
  for (const { uri, envelopes } of await readFeatures(projectRoot)) {
    if (!(await isFormatted(join(projectRoot, uri), uri))) {
      problems.push(
        `${uri}: not laid out as cucumber's pretty-printer does (run \`tl-conformance format-features\`)`,
      );
    }
    for (const envelope of envelopes) {
      const error = envelope.parseError;
      if (error) problems.push(`${uri}:${error.source.location?.line ?? 0}: ${error.message}`);
      if (envelope.pickle) for (const id of checkPickle(envelope.pickle, steps, problems)) covered.add(id);
    }
  }
  for (const r of REQUIREMENTS) {
    if (!covered.has(r.id))
      problems.push(`features: requirement ${r.id} (${r.level}) is covered by no scenario`);
  }
  return problems;
}
