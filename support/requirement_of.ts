// Which requirement a generic check speaks for: the first of its candidates the scenario is
// tagged with (`@REQ-…`); a scenario tagged with none of them is a mistake of the feature. So "B sees A as userRequest" fails as
// S1-REVEAL in a scenario 1 feature and as S2-LATER-REVEAL in a scenario 2 one.
import { requirementIdsOfTags } from "../src/requirements/index.ts";
import { ScenarioError } from "./failure.ts";

export const SEES_CANDIDATES = [
  "S1-BEFORE-SEND",
  "S1-REVEAL",
  "S1-REVEAL-REVERSE",
  "S1-NO-EARLY-REVEAL",
  "S2-FOREIGN",
  "S2-NO-REVEAL",
  "S2-IMPORT-NO-REVEAL",
  "S2-LATER-REVEAL",
  "S2-IMPORT",
  "S3-STABLE",
] as const;

/** Requirements that say a number must NOT be available yet. */
export const NO_REVEAL_CANDIDATES = [
  "S1-NO-EARLY-REVEAL",
  "S2-FOREIGN",
  "S2-NO-REVEAL",
  "S2-IMPORT-NO-REVEAL",
] as const;

/** The first candidate the scenario is tagged with, or undefined. */
export function taggedAmong(tags: readonly string[], candidates: readonly string[]): string | undefined {
  const tagged = new Set(requirementIdsOfTags(tags));
  return candidates.find((id) => tagged.has(id));
}

export function requirementOf(tags: readonly string[], candidates: readonly string[]): string {
  const found = taggedAmong(tags, candidates);
  if (found) return found;
  throw new ScenarioError(
    `this check speaks for one of ${candidates.join(", ")}; tag the scenario with the one it checks`,
  );
}
