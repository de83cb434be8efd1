// Kill witnesses: for each mutant, per requirement the suite fails against it, one scenario that
// fails on that requirement. The TL-JSON kill matrix runs the whole suite and checks that every
// recorded witness still fails as recorded; the MTProto kill matrix runs only the witnesses, over
// MTProto, and checks that each fails on the same requirement there, so the exact requirement
// lists hold on both wires at a fraction of the cost. Requirements whose failing scenarios are
// all written for the TL-JSON wire (@wire-http-json) have no witness on MTProto and are listed.
import type { ConformanceReport } from "../../src/report/index.ts";

export interface Witness {
  requirement: string;
  /** `features/x.feature:LINE`. */
  scenario: string;
}

export interface MutantWitnesses {
  witnesses: Witness[];
  /** Requirements that fail only in scenarios of the TL-JSON wire. */
  jsonWireOnly: string[];
}

const onJsonWireOnly = (tags: readonly string[]) => tags.includes("@wire-http-json");

/** The first failing scenario per failed or warned requirement, preferring ones both wires run. */
export function witnessesOf(report: ConformanceReport, requirements: readonly string[]): MutantWitnesses {
  const witnesses: Witness[] = [];
  const jsonWireOnly: string[] = [];
  for (const requirement of [...requirements].sort()) {
    const failing = report.scenarios.filter(
      (s) => s.status === "failed" && s.failure?.requirementId === requirement,
    );
    const both = failing.find((s) => !onJsonWireOnly(s.tags));
    if (both) witnesses.push({ requirement, scenario: both.location });
    else jsonWireOnly.push(requirement);
  }
  return { witnesses, jsonWireOnly };
}

/**
 * Recorded witnesses that no longer fail in this report on a requirement of `listed`. Which of
 * its checks a scenario fails first can change between runs where a mutant breaks several views
 * at once (the views are read concurrently), so a witness must fail, on a listed requirement,
 * not always on the same one.
 */
export function staleWitnesses(
  report: ConformanceReport,
  recorded: MutantWitnesses,
  listed: readonly string[],
): string[] {
  return recorded.witnesses
    .filter((w) => {
      const s = report.scenarios.find((s) => s.location === w.scenario);
      return !(s?.status === "failed" && listed.includes(s.failure?.requirementId ?? ""));
    })
    .map((w) => `${w.requirement} at ${w.scenario}`);
}
