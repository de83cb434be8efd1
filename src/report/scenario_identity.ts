// What names a scenario in a report, from its pickle: the same for one that ran and one the
// claims kept from running.
import type { Pickle } from "@cucumber/messages";
import { needsOfTags } from "../profile/needs.ts";
import { requirementIdsOfTags } from "../requirements/index.ts";

export interface ScenarioIdentity {
  name: string;
  feature: string;
  /** `features/x.feature:12`. */
  location: string;
  tags: string[];
  requirementIds: string[];
  /** What it needs beyond layer 1 (`layer 3`, `messages.forwardMessage`). */
  needs: string[];
}

export function scenarioIdentity(pickle: Pickle, feature: string): ScenarioIdentity {
  const tags = pickle.tags.map((t) => t.name);
  return {
    name: pickle.name,
    feature,
    location: `${pickle.uri}:${pickle.location?.line ?? 0}`,
    tags,
    requirementIds: requirementIdsOfTags(tags),
    needs: needsOfTags(tags).needs,
  };
}
