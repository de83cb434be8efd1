// Explore against every mutant with one fixed seed and budget, not shrinking: which does it find
// by itself, and as what? The answer is checked in (found_by_explore.ts) and shown in
// docs/mutants.md. The budget is counted in runs and commands, never in time, so the answer does
// not depend on how busy the machine is; the time limit only guards against a hang.
import { closeAgents } from "../../src/client/index.ts";
import { type ExploreSettings, explore } from "../../src/explore/index.ts";
import { MUTANTS, type Mutant } from "../mutants/catalogue.ts";

export const SURVEY_BUDGET = { seed: 2026, runs: 10, steps: 25 } as const;

export function surveySettings(target: string): ExploreSettings {
  return {
    target,
    users: undefined,
    ...SURVEY_BUDGET,
    budgetMs: 120_000,
    path: undefined,
    timeoutMs: 5000,
    shrink: false,
    maxFindings: 1,
  };
}

/** The key of explore's first finding against one mutant (a requirement id), or null. */
export async function exploreMutant(mutant: Pick<Mutant, "start">): Promise<string | null> {
  const server = await mutant.start();
  try {
    const result = await explore(surveySettings(server.url));
    return result.findings[0]?.key ?? null;
  } finally {
    await closeAgents();
    await server.close();
  }
}

/** For each mutant of the catalogue, by name: what explore finds by itself, or null. */
export async function exploreMutants(
  mutants: readonly Mutant[] = MUTANTS,
): Promise<Record<string, string | null>> {
  const found: Record<string, string | null> = {};
  for (const mutant of mutants) found[mutant.name] = await exploreMutant(mutant);
  return found;
}
