// A failing history as a scenario in the suite's own steps, laid out as cucumber's pretty-printer
// lays out the features (src/cli/format_feature.ts), so it pastes into a feature file as it is.
// It carries the failing requirement's tag and level, the tags of the layers and methods it
// needs, and every step the explorer ran, checks included: the reads between commands are what
// taught each user whom it may address, so the scenario replays the same history.
import { type RequirementId, requirement } from "../requirements/index.ts";
import { VIEWS_STEP } from "./checks.ts";
import type { LoggedStep } from "./state.ts";

export interface ScenarioSource {
  requirementId: RequirementId;
  /** The run's log: its last step is the one that failed. */
  log: readonly LoggedStep[];
  /** The command line that replays the history. */
  replay: string;
  seed: number;
}

function needsTags(log: readonly LoggedStep[]): string[] {
  const commands = log.filter((s) => s.kind === "command");
  return [
    ...(commands.some((s) => s.layer === 2) ? ["@needs-layer-2"] : []),
    ...(commands.some((s) => s.layer === 3) ? ["@needs-layer-3"] : []),
    ...(commands.some((s) => s.forwardMessage) ? ["@needs-forwardMessage"] : []),
  ];
}

function keywordsOf(steps: readonly LoggedStep[]): string[] {
  return steps.map((step, i) => {
    const previous = steps[i - 1];
    if (previous === undefined) return "Given";
    if (step.kind === "command") return previous.kind === "check" ? "When" : "And";
    return previous.kind === "command" ? "Then" : "And";
  });
}

/** The scenario, indented for a feature file (two spaces before the tags and Scenario line). */
export function scenarioOf({ requirementId, log, replay, seed }: ScenarioSource): string {
  const level = requirement(requirementId).level;
  const tags = [`@REQ-${requirementId}`, level === "MUST" ? "@must" : "@should", ...needsTags(log)];
  // A failure inside a command still ends on a Then, the check the explorer would have run next.
  const steps: LoggedStep[] =
    log.at(-1)?.kind === "command"
      ? [...log, { text: VIEWS_STEP, kind: "check", layer: 1, forwardMessage: false }]
      : [...log];
  const keywords = keywordsOf(steps);
  const commands = log.filter((s) => s.kind === "command").length;
  return [
    `  ${tags.join(" ")}`,
    `  Scenario: An explored history of ${commands} commands breaks ${requirementId} (seed ${seed})`,
    `    Shrunk and printed by ${replay}`,
    "",
    ...steps.map((step, i) => `    ${keywords[i]} ${step.text}`),
    "",
  ].join("\n");
}
