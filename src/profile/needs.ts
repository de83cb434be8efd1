// Claims: what a server declares it implements beyond layer 1, and what a scenario needs of it.
// A scenario says what it needs with tags (on the Scenario, the Scenario Outline or an Examples
// block): @needs-layer-2 and @needs-layer-3 when some request of it declares that layer,
// @needs-<feature> for an optional method a server may leave out (@needs-forwardMessage for
// messages.forwardMessage). A scenario that needs something the server does not claim is NOT
// CLAIMED: it does not run, and the verdict names what was certified.
import type { Layer } from "../tl/index.ts";

/** Optional features by the tag suffix that names them. */
export const OPTIONAL_FEATURES = { forwardMessage: "messages.forwardMessage" } as const;
export type OptionalFeature = (typeof OPTIONAL_FEATURES)[keyof typeof OPTIONAL_FEATURES];
export const OPTIONAL_FEATURE_NAMES: readonly OptionalFeature[] = Object.values(OPTIONAL_FEATURES);

export interface Claims {
  layers: readonly Layer[];
  features: readonly OptionalFeature[];
}

export const ALL_CLAIMS: Claims = { layers: [1, 2, 3], features: OPTIONAL_FEATURE_NAMES };

/** What a scenario needs beyond layer 1, as the text reports and the tag name it: "layer 3". */
export type Need = `layer ${2 | 3}` | OptionalFeature;

export const ALL_NEEDS: readonly Need[] = ["layer 2", "layer 3", ...OPTIONAL_FEATURE_NAMES];

const TAG_PREFIX = "@needs-";

function needOfTag(tag: string): Need | undefined {
  const name = tag.slice(TAG_PREFIX.length);
  if (name === "layer-2" || name === "layer-3") return `layer ${name === "layer-2" ? 2 : 3}`;
  return (OPTIONAL_FEATURES as Record<string, OptionalFeature>)[name];
}

/** The tag that declares a need: @needs-layer-3, @needs-forwardMessage. */
export function tagOfNeed(need: Need): string {
  if (need === "layer 2" || need === "layer 3") return `${TAG_PREFIX}${need.replace(" ", "-")}`;
  const suffix = Object.entries(OPTIONAL_FEATURES).find(([, feature]) => feature === need)?.[0];
  return `${TAG_PREFIX}${suffix ?? need}`;
}

/** The needs a scenario's tags declare, and the @needs- tags that name nothing known. */
export function needsOfTags(tags: readonly string[]): { needs: Need[]; unknown: string[] } {
  const needs = new Set<Need>();
  const unknown: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith(TAG_PREFIX)) continue;
    const need = needOfTag(tag);
    if (need) needs.add(need);
    else unknown.push(tag);
  }
  return { needs: [...needs].sort(), unknown };
}

export function isClaimed(need: Need, claims: Claims): boolean {
  if (need === "layer 2") return claims.layers.includes(2);
  if (need === "layer 3") return claims.layers.includes(3);
  return claims.features.includes(need);
}

/** What a scenario's exchanges show it used: a layer above 1, an optional method that answered. */
export function usedNeeds(
  exchanges: readonly { layer: number; method: string; status?: number | undefined }[],
): Need[] {
  const used = new Set<Need>();
  for (const e of exchanges) {
    if (e.layer === 2 || e.layer === 3) used.add(`layer ${e.layer}`);
    const feature = OPTIONAL_FEATURE_NAMES.find((f) => f === e.method);
    if (feature && e.status === 200) used.add(feature);
  }
  return [...used].sort();
}

/** "layers 1–3", "layer 1", "layers 1 and 3". */
export function describeLayers(layers: readonly number[]): string {
  const sorted = [...new Set(layers)].sort((a, b) => a - b);
  if (sorted.length === 1) return `layer ${sorted[0]}`;
  const first = sorted[0] ?? 0;
  const last = sorted.at(-1) ?? 0;
  const contiguous = last - first === sorted.length - 1;
  if (contiguous) return `layers ${first}–${last}`;
  return `layers ${sorted.slice(0, -1).join(", ")} and ${last}`;
}
