// Sequential round trips per scenario of a serial run, from the delay proxy's log. Every scenario
// signs up fresh accounts, so two scenarios never share a bearer key: a key's requests span from
// its first to its last, and a scenario can end only where no key's span crosses. report.json
// gives each scenario's request count in run order; the split is exact when every scenario ends
// on such a boundary, and undefined otherwise (accounts signed up ahead of the scenarios, say,
// would make one span cover them all).
import type { LoggedRequest } from "./delay_proxy.ts";

/** Where a scenario may end: the indices after which no key of earlier requests is used again. */
function boundaries(log: readonly LoggedRequest[]): Set<number> {
  // A request without a key ties nothing together: it stands alone.
  const keyOf = (request: LoggedRequest, index: number): string => request.key ?? `\0${index}`;
  const last = new Map<string, number>();
  for (const [index, request] of log.entries()) last.set(keyOf(request, index), index);
  const ends = new Set<number>();
  let reach = -1;
  for (const [index, request] of log.entries()) {
    reach = Math.max(reach, last.get(keyOf(request, index)) ?? index);
    if (index === reach) ends.add(index + 1);
  }
  return ends;
}

/** Each scenario's distinct waves (its sequential round trips), or undefined if the split fails. */
export function scenarioRoundTrips(
  log: readonly LoggedRequest[],
  requestsPerScenario: readonly number[],
): number[] | undefined {
  const ends = boundaries(log);
  const trips: number[] = [];
  let start = 0;
  for (const requests of requestsPerScenario) {
    const end = start + requests;
    if (!ends.has(end)) return undefined;
    trips.push(new Set(log.slice(start, end).map((r) => r.wave)).size);
    start = end;
  }
  return start === log.length ? trips : undefined;
}
