// One run of the explorer: a fresh session (fresh accounts on the target), the letters its users
// may be, and the log of what ran, in the suite's own step language, so a failing history can be
// printed as a scenario. The log records each step as it starts: on a failure its last line is
// the step that failed.
import { HttpJsonBinding } from "../bindings/index.ts";
import { Transcript } from "../client/index.ts";
import { ConformanceSession } from "../session/index.ts";
import type { Layer } from "../tl/index.ts";

export interface LoggedStep {
  text: string;
  kind: "command" | "check";
  /** The layer a command declares (1 for commands that are not sends). */
  layer: Layer;
  /** Whether the command uses messages.forwardMessage. */
  forwardMessage: boolean;
}

/** What ends a run early: the budget spent, or the whole exploration stopped. */
export interface RunLimits {
  expired(): boolean;
  /** Counts one command done, by what it exercises. */
  counted(covers: readonly string[]): void;
}

export class ExploreState {
  readonly transcript = new Transcript();
  readonly session: ConformanceSession;
  readonly log: LoggedStep[] = [];
  /** Commands run so far. */
  commands = 0;
  /** Each user's note to itself (a message id it owns), once written, for the forwards of a refused call. */
  readonly notes = new Map<string, number>();
  /** `owner>receiver`: owner sent receiver its own contact card in this run (by the history, not the answers). */
  private readonly ownCards = new Set<string>();

  constructor(
    target: string,
    timeoutMs: number,
    /** The names its users may have, from A. */
    readonly users: readonly string[],
    /** Commands a run makes at most. */
    readonly steps: number,
    readonly limits: RunLimits,
  ) {
    this.session = new ConformanceSession({
      binding: new HttpJsonBinding({ target, timeoutMs }, this.transcript),
    });
  }

  cardSent(owner: string, receiver: string): void {
    if (owner !== receiver) this.ownCards.add(`${owner}>${receiver}`);
  }

  /** Whether owner sent receiver its own card: the card an import from the contact message reads. */
  hasOwnCard(owner: string, receiver: string): boolean {
    return this.ownCards.has(`${owner}>${receiver}`);
  }
}
