// The explorer: random histories among 3–5 users against a target, every view of every user
// compared with the link model after every command, rounds of fc.check until the runs or the
// budget are spent, each finding shrunk and printed as a scenario. With a path, it replays the
// one history that path names.
import { ExploreContext, type ExploreProgress, type ExploreSettings } from "./context.ts";
import { type Finding, findingOf } from "./finding.ts";
import { parseReplayPath, runIndexOf } from "./replay_path.ts";
import { exploreRound } from "./round.ts";

export interface ExploreResult extends Omit<ExploreProgress, "findings"> {
  findings: Finding[];
  /** Commands run, by what they exercise: "import", "private geo", "layer 2", ... */
  covered: Record<string, number>;
  /** Why it stopped. */
  ended: "runs" | "budget" | "findings" | "fault" | "aborted";
}

export interface ExploreHooks {
  onProgress?: (progress: ExploreProgress) => void;
  /** Aborting stops before the next command; the result has what was found so far. */
  signal?: AbortSignal;
}

function endOf(context: ExploreContext, findings: Finding[]): ExploreResult["ended"] {
  if (context.aborted()) return "aborted";
  if (context.faulted) return "fault";
  if (findings.length >= context.settings.maxFindings) return "findings";
  return context.expired() ? "budget" : "runs";
}

export async function explore(settings: ExploreSettings, hooks: ExploreHooks = {}): Promise<ExploreResult> {
  const context = new ExploreContext(settings, hooks.signal, hooks.onProgress);
  const findings: Finding[] = [];
  if (settings.path !== undefined) {
    const replay = parseReplayPath(settings.path);
    const numRuns = Math.max(settings.runs, runIndexOf(replay) + 1);
    const outcome = await exploreRound(context, settings.seed, numRuns, replay);
    if (outcome) findings.push(findingOf(settings, outcome));
  } else {
    for (let round = 0; findings.length < settings.maxFindings; round++) {
      const left = settings.runs - context.progress.runs;
      if (left <= 0 || context.limits.expired()) break;
      // Each round its own seed, printed with its findings: one replays without the others.
      const outcome = await exploreRound(context, (settings.seed + round) | 0, left);
      if (!outcome) break;
      findings.push(findingOf(settings, outcome));
      context.found.add(outcome.failure.key);
      context.progress.findings = findings.length;
    }
  }
  context.progress.findings = findings.length;
  context.report();
  const covered = Object.fromEntries([...context.covered].sort(([a], [b]) => a.localeCompare(b)));
  return { ...context.progress, findings, covered, ended: endOf(context, findings) };
}
