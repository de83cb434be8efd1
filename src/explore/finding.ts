// A finding as the report and the command line give it: what failed, the shortest history that
// fails so, the command that replays it, the scenario to paste, and the failing run's transcript.
import type { RequirementId, RequirementLevel } from "../requirements/index.ts";
import type { ExploreSettings } from "./context.ts";
import { scenarioOf } from "./gherkin.ts";
import type { RoundOutcome } from "./round.ts";

export interface Finding {
  /** The requirement id, or the fault's code. */
  key: string;
  kind: "requirement" | "fault";
  level: RequirementLevel | undefined;
  /** The failure as the check wrote it (requirement, expected, actual, pointer). */
  message: string;
  seed: number;
  path: string;
  /** The command line that replays the history (add --target for an external server). */
  replay: string;
  /** Every step the failing run took, checks included; the last one failed. */
  history: string[];
  /** Commands in the history. */
  commands: number;
  shrinks: number;
  shrinkComplete: boolean;
  /** The scenario to paste into a feature file (requirement findings only). */
  gherkin: string | undefined;
  /** The failing run's exchanges, as src/client Transcript.serialize writes them (JSON). */
  transcript: string;
}

export function replayCommand(settings: ExploreSettings, seed: number, path: string): string {
  return [
    "tl-conformance explore",
    ...(settings.users === undefined ? [] : [`--users ${settings.users}`]),
    `--steps ${settings.steps}`,
    `--seed ${seed}`,
    `--path '${path}'`,
  ].join(" ");
}

export function findingOf(settings: ExploreSettings, outcome: RoundOutcome): Finding {
  const { failure, state, seed, path } = outcome;
  const replay = replayCommand(settings, seed, path);
  const log = state.log;
  return {
    key: failure.key,
    kind: failure.kind,
    level: failure.level,
    message: failure.message,
    seed,
    path,
    replay,
    history: log.map((s) => s.text),
    commands: log.filter((s) => s.kind === "command").length,
    shrinks: outcome.shrinks,
    shrinkComplete: outcome.shrinkComplete,
    gherkin:
      failure.kind === "requirement"
        ? scenarioOf({ requirementId: failure.key as RequirementId, log, replay: `\`${replay}\``, seed })
        : undefined,
    transcript: state.transcript.serialize(`explore --seed ${seed} --path ${path}`),
  };
}
