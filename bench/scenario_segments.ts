// Sequential round trips per scenario of a serial run, from the delay proxy's log. Every scenario
// uses fresh accounts, so two scenarios never share a bearer key: a key's requests span from its
// first to its last, and a scenario can end only where no key's span crosses. report.json gives
// each scenario's request count in run order; the split is exact when every scenario ends on
// such a boundary, and undefined otherwise. Accounts signed up ahead by the account pool are
// signed up outside any scenario (and outside its count): a second reading leaves each key's
// sign-up out, and counts them apart.
import type { LoggedRequest } from "./delay_proxy.ts";

export interface ScenarioSplit {
  /** Each scenario's sequential round trips: its requests' overlapping periods merged. */
  trips: number[];
  /** Requests left out as sign-ups made ahead of the scenarios. */
  signUpsAhead: number;
}

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

/** Sequential round trips of some requests: periods with one of them in flight. */
function roundTrips(requests: readonly LoggedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  let trips = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const r of sorted) {
    if (r.start > until) trips += 1;
    until = Math.max(until, r.end);
  }
  return trips;
}

function split(log: readonly LoggedRequest[], requestsPerScenario: readonly number[]): number[] | undefined {
  const ends = boundaries(log);
  const trips: number[] = [];
  let start = 0;
  for (const requests of requestsPerScenario) {
    const end = start + requests;
    if (!ends.has(end)) return undefined;
    trips.push(roundTrips(log.slice(start, end)));
    start = end;
  }
  return start === log.length ? trips : undefined;
}

/**
 * The log without sign-ups made ahead: per key, the auth.sendCode calls up to and including its
 * auth.signUp, and a key whose one request was an auth.sendCode that found the number taken (the
 * sign-up went on with another number and key).
 */
function withoutSignUpsAhead(log: readonly LoggedRequest[]): LoggedRequest[] {
  const byKey = new Map<string | undefined, LoggedRequest[]>();
  for (const r of log) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const dropped = new Set<LoggedRequest>();
  for (const [key, requests] of byKey) {
    if (key === undefined) continue;
    const signUp = requests.findIndex((r) => r.method !== "auth.sendCode");
    if (signUp === -1) {
      if (requests.every((r) => r.numberTaken)) for (const r of requests) dropped.add(r);
    } else if (requests[signUp]?.method === "auth.signUp")
      for (const r of requests.slice(0, signUp + 1)) dropped.add(r);
  }
  return log.filter((r) => !dropped.has(r));
}

/** Each scenario's sequential round trips, or undefined when no reading matches report.json. */
export function scenarioRoundTrips(
  log: readonly LoggedRequest[],
  requestsPerScenario: readonly number[],
): ScenarioSplit | undefined {
  const whole = split(log, requestsPerScenario);
  if (whole) return { trips: whole, signUpsAhead: 0 };
  const inScenarios = withoutSignUpsAhead(log);
  const pooled = split(inScenarios, requestsPerScenario);
  return pooled ? { trips: pooled, signUpsAhead: log.length - inScenarios.length } : undefined;
}
