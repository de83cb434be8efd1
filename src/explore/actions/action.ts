// What a generated command stands for once it knows the run's users: one domain operation of
// src/session, whether it is possible now, and the step of the suite's language that does the
// same, so a failing history prints as a scenario that replays it.
import type { Layer } from "../../tl/index.ts";
import type { CheckStep } from "../checks.ts";
import type { ExploreState } from "../state.ts";

export interface Action {
  /** The step text (steps/*.ts), without its keyword. */
  readonly step: string;
  /** What it exercises ("import", "private geo", "layer 2", ...), counted in the result. */
  readonly covers: readonly string[];
  /** The layer it declares: sends at 1–3, everything else at 1. */
  readonly layer: Layer;
  readonly forwardMessage: boolean;
  /**
   * Steps run and logged before it, each kept in the printed history (what a replay needs first:
   * a note to forward, the state noted before a call that must change nothing).
   */
  readonly prelude?: readonly PreludeStep[];
  /** Whether it is possible now: a user only addresses users it was shown, and so on. */
  possible(state: ExploreState): boolean;
  /** Does it; returns the checks of its own result, run after the reads. */
  perform(state: ExploreState): Promise<CheckStep[]>;
}

export interface PreludeStep {
  readonly text: string;
  readonly kind: "command" | "check";
  /** Run (and logged) only when this holds at that point; always when absent. */
  when?(state: ExploreState): boolean;
  run(state: ExploreState): Promise<unknown>;
}

/** A generated command: given the run's users, the action it stands for (undefined: none fits). */
export type Plan = (users: readonly string[]) => Action | undefined;

/** An action that is not a send: declared at layer 1, no forwardMessage. */
export function setupAction(
  step: string,
  covers: string,
  possible: (state: ExploreState) => boolean,
  perform: (state: ExploreState) => Promise<unknown>,
): Action {
  return {
    step,
    covers: [covers],
    layer: 1,
    forwardMessage: false,
    possible,
    perform: async (state) => {
      await perform(state);
      return [];
    },
  };
}
