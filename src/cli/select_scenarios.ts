// Before a run: which scenarios the filters choose (cucumber's own filtering decides), which of
// those need something the server does not claim (they are NOT CLAIMED and do not run), and the
// tag expression the run then uses. A filter that chooses nothing is a usage error.
import { loadConfiguration, loadSources } from "@cucumber/cucumber/api";
import type { Pickle } from "@cucumber/messages";
import { ALL_NEEDS, type Claims, isClaimed, type Need, needsOfTags, tagOfNeed } from "../profile/index.ts";
import { type NotClaimedScenario, scenarioIdentity } from "../report/index.ts";
import { UsageError } from "./exit_codes.ts";
import { featurePaths } from "./package_root.ts";
import { readFeatures } from "./read_features.ts";

export interface Selection {
  /** Every scenario of the suite. */
  total: number;
  /** How many the filters chose. */
  selected: number;
  notClaimed: NotClaimedScenario[];
  /** The run's tag expression: the filter's, without what is not claimed. */
  tags: string | undefined;
}

async function planned(
  root: string,
  tags: string | undefined,
  name: string | undefined,
): Promise<Set<string>> {
  let result: Awaited<ReturnType<typeof loadSources>>;
  try {
    const { runConfiguration } = await loadConfiguration(
      {
        file: false,
        provided: { paths: [...featurePaths], ...(tags ? { tags } : {}), ...(name ? { name: [name] } : {}) },
      },
      { cwd: root },
    );
    result = await loadSources(runConfiguration.sources, { cwd: root });
  } catch (error) {
    // A tag expression or name pattern cucumber cannot parse.
    throw new UsageError(`--tags/--name: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { plan, errors } = result;
  const first = errors[0];
  if (first) throw new UsageError(`${first.uri}:${first.location.line}: ${first.message}`);
  return new Set(plan.map((p) => `${p.uri}:${p.location.line}`));
}

function notClaimedOf(pickle: Pickle, feature: string, claims: Claims): NotClaimedScenario | undefined {
  const scenario = scenarioIdentity(pickle, feature);
  return scenario.needs.every((n) => isClaimed(n as Need, claims)) ? undefined : scenario;
}

export async function selectScenarios(
  root: string,
  filters: { tags?: string | undefined; name?: string | undefined },
  claims: Claims,
  wire: "http-json" | "mtproto" = "http-json",
): Promise<Selection> {
  const pickles: { pickle: Pickle; feature: string }[] = [];
  for (const { envelopes } of await readFeatures(root)) {
    const feature = envelopes.find((e) => e.gherkinDocument)?.gherkinDocument?.feature?.name ?? "";
    for (const { pickle } of envelopes) if (pickle) pickles.push({ pickle, feature });
  }
  const unknown = pickles.flatMap(({ pickle }) =>
    needsOfTags(pickle.tags.map((t) => t.name)).unknown.map(
      (tag) => `${pickle.uri}:${pickle.location?.line}: ${tag}`,
    ),
  );
  if (unknown.length > 0)
    throw new UsageError(`the features use @needs- tags no claim names: ${[...new Set(unknown)].join(", ")}`);
  const chosen = await planned(root, filters.tags, filters.name);
  if (chosen.size === 0) {
    const which = [filters.tags && `--tags ${filters.tags}`, filters.name && `--name ${filters.name}`];
    throw new UsageError(`${which.filter(Boolean).join(" and ") || "the suite"} matches no scenario`);
  }
  const notClaimed = pickles
    .filter(({ pickle }) => chosen.has(`${pickle.uri}:${pickle.location?.line ?? 0}`))
    .flatMap(({ pickle, feature }) => notClaimedOf(pickle, feature, claims) ?? []);
  // Scenarios tagged for another wire (@wire-http-json: a body written as JSON text) do not apply.
  const otherWires = (["http-json", "mtproto"] as const).filter((w) => w !== wire).map((w) => `@wire-${w}`);
  const excluded = [...ALL_NEEDS.filter((n) => !isClaimed(n, claims)).map(tagOfNeed), ...otherWires];
  const without = excluded.length > 0 ? `not (${excluded.join(" or ")})` : undefined;
  const tags = [filters.tags && `(${filters.tags})`, without].filter(Boolean).join(" and ") || undefined;
  return { total: pickles.length, selected: chosen.size, notClaimed, tags };
}
