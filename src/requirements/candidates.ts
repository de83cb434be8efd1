// Which requirements a generic check's failure may be reported as, in order, from the speaksFor
// entries of the registry: those whose fact applies first, then by priority, then in the file's
// order. The first is the suite's own answer; a scenario tagged with another of them reads the
// failure as that one (ConformanceSession.pick).
import type { CheckName, PairFact } from "./checks.ts";
import { REQUIREMENTS } from "./registry.ts";
import type { Requirement, SpeaksFor } from "./types.ts";

export type RequirementId = (typeof REQUIREMENTS)[number]["id"];

interface Entry {
  id: RequirementId;
  speaks: SpeaksFor;
  index: number;
}

const byCheck = new Map<CheckName, Entry[]>();
(REQUIREMENTS as readonly Requirement[]).forEach((r, index) => {
  for (const speaks of r.speaksFor ?? []) {
    const list = byCheck.get(speaks.check) ?? [];
    list.push({ id: r.id as RequirementId, speaks, index });
    byCheck.set(speaks.check, list);
  }
});

/** Whether an entry applies, given the facts of the two users the check is about. */
function applies(speaks: SpeaksFor, holds: (fact: PairFact) => boolean): boolean {
  return (
    (speaks.when === undefined || holds(speaks.when)) &&
    (speaks.unless === undefined || !holds(speaks.unless))
  );
}

/** The candidates of a check; `holds` answers the pair facts (none hold for a check without a pair). */
export function candidates(
  check: CheckName,
  holds: (fact: PairFact) => boolean = () => false,
): RequirementId[] {
  return (byCheck.get(check) ?? [])
    .map((entry) => ({ entry, first: applies(entry.speaks, holds) }))
    .sort(
      (a, b) =>
        Number(b.first) - Number(a.first) ||
        (b.entry.speaks.priority ?? 0) - (a.entry.speaks.priority ?? 0) ||
        a.entry.index - b.entry.index,
    )
    .map(({ entry }) => entry.id);
}
