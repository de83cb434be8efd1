// One fc.check of the explorer: histories drawn from one seed until one fails or the runs or the
// time run out; the failing one shrunk to the shortest that fails the same way. Each run is a
// fresh session with fresh accounts. A failure of a kind already found passes, so a later round
// finds something else; while shrinking, a failure of another kind passes, so the shortest
// history still fails as the first one did. A target fault is not shrunk: it ends exploring.
import fc from "fast-check";
import { exploreCommand } from "./arbitraries.ts";
import type { ExploreContext } from "./context.ts";
import { classifyFailure, type RunFailure } from "./failure.ts";
import { formatReplayPath, type ReplayPath } from "./replay_path.ts";
import { ROLE_NAMES } from "./roles.ts";
import { ExploreState } from "./state.ts";

const DRAWN_PER_STEP = 3;

export interface RoundOutcome {
  failure: RunFailure;
  state: ExploreState;
  seed: number;
  /** The --path that replays it. */
  path: string;
  shrinks: number;
  /** Whether shrinking ran to its end (not cut by the budget, nor skipped). */
  shrinkComplete: boolean;
}

/**
 * Stops before a run, never inside one (fast-check's own time limit races the running predicate,
 * which would leave a run calling the target after the round returned); a run in progress ends
 * by itself, its commands' checks seeing the limit.
 */
function stopBetweenRuns<T>(stop: () => boolean): fc.Plugin<T> {
  return () => ({
    decorateRun: (nested) => (value) => (stop() ? new fc.PreconditionFailure(true) : nested(value)),
  });
}

export async function exploreRound(
  context: ExploreContext,
  seed: number,
  numRuns: number,
  replay?: ReplayPath,
): Promise<RoundOutcome | undefined> {
  const { settings } = context;
  let focus: string | undefined;
  let last: { failure: RunFailure; state: ExploreState } | undefined;
  const users = settings.users === undefined ? fc.integer({ min: 3, max: 5 }) : fc.constant(settings.users);
  // Unbiased, so histories are long: fast-check's bias towards small values would make most of
  // them a command or two. Drawn three times longer than a run may go, since a command that is
  // not possible yet (a send between users who never met) is passed over.
  const histories = fc.noBias(
    fc.commands([exploreCommand], {
      maxCommands: settings.steps * DRAWN_PER_STEP,
      size: "max",
      ...(replay ? { replayPath: replay.commands } : {}),
    }),
  );
  const property = fc.asyncProperty(users, histories, async (count, commands) => {
    if (context.halted()) return;
    if (focus === undefined) context.progress.runs += 1;
    else context.progress.shrinks += 1;
    const state = new ExploreState(
      settings.target,
      settings.timeoutMs,
      ROLE_NAMES.slice(0, count),
      settings.steps,
      context.limits,
    );
    try {
      await fc.asyncModelRun(() => ({ model: state, real: state.session }), commands);
    } catch (error) {
      const failure = classifyFailure(error);
      if (focus === undefined ? context.found.has(failure.key) : failure.key !== focus) return;
      focus = failure.key;
      last = { failure, state };
      if (failure.kind === "fault") context.faulted = true;
      throw error;
    } finally {
      context.progress.calls += state.transcript.entries.length;
    }
  });
  const details = await fc.check(property, {
    seed,
    numRuns,
    endOnFailure: replay !== undefined || !settings.shrink,
    ...(replay ? { path: replay.path } : {}),
    plugins: [stopBetweenRuns(() => context.limits.expired())],
  });
  if (!details.failed || last === undefined) return undefined;
  const path = formatReplayPath(details.counterexamplePath ?? "0", String(details.counterexample?.[1]));
  return {
    ...last,
    seed,
    path,
    shrinks: details.numShrinks,
    shrinkComplete: settings.shrink && !details.interrupted && last.failure.kind === "requirement",
  };
}
