// The requirements: written in docs/requirements.yaml (the one place a spec-writer edits), held
// here as the generated, typed registry. Features tag scenarios with `@REQ-<id>`; reports, the
// trace (docs/requirements.md), docs/semantics.md's table and the mutant matrix read the level
// from here, so a level can never disagree between two documents. Reading the YAML file
// (./load.ts, with its YAML parser and schema check) is imported from there by the tools that
// need it, not re-exported here: every run's worker loads this module.
import type { RequirementId } from "./candidates.ts";
import { REQUIREMENTS } from "./registry.ts";
import type { Requirement } from "./types.ts";

export { candidates, type RequirementId } from "./candidates.ts";
export { CHECK_NAMES, type CheckName, GENERIC_CHECKS, PAIR_FACTS, type PairFact } from "./checks.ts";
export { REQUIREMENTS_FILE, requirementsSchema, SCHEMA_FILE } from "./schema.ts";
export type { Requirement, RequirementLevel, SpeaksFor } from "./types.ts";
export { REQUIREMENTS };

const byId = new Map<string, Requirement>(REQUIREMENTS.map((r) => [r.id, r]));

export function isRequirementId(id: string): id is RequirementId {
  return byId.has(id);
}

/** The requirement with this id; throws on an unknown id (one read from a tag or a file). */
export function requirement(id: string): Requirement {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown requirement id "${id}"; known: ${[...byId.keys()].join(", ")}`);
  return found;
}

/** The requirement ids named by a scenario's tags (`@REQ-S1-REVEAL` → `S1-REVEAL`). */
export function requirementIdsOfTags(tags: readonly string[]): string[] {
  return tags.filter((t) => t.startsWith("@REQ-")).map((t) => t.slice("@REQ-".length));
}
