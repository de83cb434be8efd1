// What the rounds of one exploration share: its settings, its clock and counters, the keys of the
// findings made so far, and whether it must stop (the target faulted, the caller aborted).
import type { RunLimits } from "./state.ts";

export interface ExploreSettings {
  target: string;
  /** Users per run; undefined: 3 to 5, drawn per run. */
  users: number | undefined;
  steps: number;
  seed: number;
  runs: number;
  budgetMs: number;
  path: string | undefined;
  timeoutMs: number;
  shrink: boolean;
  maxFindings: number;
}

export interface ExploreProgress {
  /** Histories generated and run (shrinking's runs not included). */
  runs: number;
  /** Runs made while shrinking a failing history. */
  shrinks: number;
  commands: number;
  /** Calls made to the target, sign-ups and reads included. */
  calls: number;
  findings: number;
  elapsedMs: number;
}

export class ExploreContext {
  readonly started = Date.now();
  readonly progress: ExploreProgress = {
    runs: 0,
    shrinks: 0,
    commands: 0,
    calls: 0,
    findings: 0,
    elapsedMs: 0,
  };
  /** Commands run, by what they exercise (Action.covers). */
  readonly covered = new Map<string, number>();
  /** Keys of the findings made: a later round passes over them to find others. */
  readonly found = new Set<string>();
  faulted = false;
  readonly limits: RunLimits;

  constructor(
    readonly settings: ExploreSettings,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: ExploreProgress) => void) | undefined,
  ) {
    this.limits = {
      expired: () => this.expired() || this.halted(),
      counted: (covers) => {
        this.progress.commands += 1;
        for (const item of covers) this.covered.set(item, (this.covered.get(item) ?? 0) + 1);
        this.report();
      },
    };
  }

  expired(): boolean {
    return Date.now() - this.started >= this.settings.budgetMs;
  }

  aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /** The target faulted or the caller aborted: no further run starts. */
  halted(): boolean {
    return this.faulted || this.aborted();
  }

  report(): void {
    this.progress.elapsedMs = Date.now() - this.started;
    this.onProgress?.({ ...this.progress });
  }
}
