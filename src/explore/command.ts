// The fast-check command around an action: checked against the run's state (is it possible, is
// there time left), run with the checks after it. The action is worked out anew at each check, so
// one generated command serves every run fast-check replays while shrinking.
import type fc from "fast-check";
import type { ConformanceSession } from "../session/index.ts";
import type { Action, Plan } from "./actions/index.ts";
import { checkEverything } from "./checks.ts";
import type { ExploreState } from "./state.ts";

export class ExploreCommand implements fc.AsyncCommand<ExploreState, ConformanceSession, false> {
  private action: Action | undefined;

  constructor(
    private readonly plan: Plan,
    /** What it was generated as, for fast-check's own output before any check. */
    private readonly label: string,
  ) {}

  /** The action this command stands for among these users, if any fits. */
  actionFor(users: readonly string[]): Action | undefined {
    return this.plan(users);
  }

  check(state: Readonly<ExploreState>): boolean {
    if (state.commands >= state.steps || state.limits.expired()) return false;
    this.action = this.actionFor(state.users);
    return this.action?.possible(state as ExploreState) ?? false;
  }

  async run(state: ExploreState): Promise<void> {
    const action = this.action as Action;
    const { step, layer, forwardMessage } = action;
    for (const before of action.prelude ?? []) {
      if (before.when && !before.when(state)) continue;
      state.log.push({ text: before.text, kind: before.kind, layer: 1, forwardMessage: false });
      await before.run(state);
    }
    state.log.push({ text: step, kind: "command", layer, forwardMessage });
    state.commands += 1;
    const own = await action.perform(state);
    state.limits.counted(action.covers);
    await checkEverything(state, own);
  }

  toString(): string {
    return this.action?.step ?? this.label;
  }
}
