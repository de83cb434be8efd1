// Which scenario an idle worker process takes next, so that it finds its set-up run ahead.
//
// Each worker's set-up pool (./setup_pool.ts) readies, while a scenario runs, the set-up of the
// same leading steps for the next one. cucumber's coordinator hands an idle worker the first
// scenario of the run's list, whatever set-up that one begins with: at 16 workers on the whole
// suite, 85 of 294 scenarios found no set-up ready and waited for theirs from the start. Through
// cucumber's setParallelCanAssign, an idle worker is steered to the first remaining scenario
// with the set-up of the one it just finished (its set-up is likely ready), else to the list's
// first. Only the order of the run changes: every scenario still runs once, in a fresh session.
//
// The coordinator asks `canAssign` of the remaining scenarios in list order, the first one first,
// until one is allowed; it does not say which worker is idle. That is read from `inProgress`: the
// scenario that left it since the last question was the idle worker's. The run's list comes from
// the run command (`runPlan`, from cucumber's testCase messages, sent before any worker starts).
// Without a list, or whenever the picture is unclear, every scenario is allowed, as cucumber
// does by itself.
import { leadingSetup, setupKey } from "./setup_steps.ts";

export interface PlannedScenario {
  /** cucumber's pickle id. */
  id: string;
  /** The texts of its steps, Background first. */
  steps: readonly string[];
}

export class SetupAffinity {
  /** Ids of the scenarios not yet handed out, in the run's order, and the same as a set. */
  private readonly remaining: string[] = [];
  private readonly left = new Set<string>();
  private readonly setupOf = new Map<string, string>();
  private readonly placeOf = new Map<string, number>();
  /** Scenarios handed out and, as far as the last question showed, still running. */
  private readonly running = new Set<string>();
  private target: string | undefined;

  /** The run's next scenario in cucumber's order. */
  add(scenario: PlannedScenario): void {
    this.remaining.push(scenario.id);
    this.left.add(scenario.id);
    this.placeOf.set(scenario.id, this.placeOf.size);
    this.setupOf.set(scenario.id, setupKey(leadingSetup(scenario.steps)));
  }

  /** May the idle worker take `id` now? `inProgress`: the ids of the scenarios running. */
  canAssign(id: string, inProgress: readonly string[]): boolean {
    if (!this.left.has(id)) return true;
    // Handed out without a question (cucumber's own way out when nothing was allowed).
    for (const other of inProgress) {
      if (!this.running.has(other)) {
        this.running.add(other);
        this.forget(other);
      }
    }
    if (id === this.remaining[0]) this.target = this.choose(id, inProgress);
    if (this.target !== undefined && this.target !== id && this.left.has(this.target)) {
      // Asked in list order: the target comes first unless it is gone (handed out unasked and
      // ended unseen). Then this one is allowed, so a worker never idles for a scenario that is gone.
      if ((this.placeOf.get(id) as number) < (this.placeOf.get(this.target) as number)) return false;
      this.forget(this.target);
    }
    this.target = undefined;
    this.running.add(id);
    this.forget(id);
    return true;
  }

  /** The first question of a round: the scenario the idle worker should take. */
  private choose(first: string, inProgress: readonly string[]): string {
    const now = new Set(inProgress);
    const finished = [...this.running].filter((other) => !now.has(other));
    for (const other of finished) this.running.delete(other);
    if (finished.length !== 1) return first;
    const wanted = this.setupOf.get(finished[0] as string);
    return this.remaining.find((other) => this.setupOf.get(other) === wanted) ?? first;
  }

  private forget(id: string): void {
    if (!this.left.delete(id)) return;
    this.remaining.splice(this.remaining.indexOf(id), 1);
  }
}

// One per process, shared by the run command (which plans) and the support code (which asks),
// through a global: the built package may load the support code as a bundle of its own modules.
const KEY = Symbol.for("tl-conformance.setup-affinity");
type Holder = { [KEY]?: SetupAffinity | undefined };

/**
 * The run command's list of the run's scenarios: `plan` starts it, `add` it in cucumber's order
 * (its testCase messages), `forget` at the run's end.
 */
export const runPlan = {
  start(): SetupAffinity {
    const affinity = new SetupAffinity();
    (globalThis as Holder)[KEY] = affinity;
    return affinity;
  },
  forget(): void {
    (globalThis as Holder)[KEY] = undefined;
  },
};

/** For cucumber's setParallelCanAssign: allowed unless the run's list says take another. */
export function canAssignScenario(id: string, inProgress: readonly string[]): boolean {
  return (globalThis as Holder)[KEY]?.canAssign(id, inProgress) ?? true;
}
