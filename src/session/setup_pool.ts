// Set-ups off the critical path (issue "Fast against a remote server"). Nearly every scenario
// begins with set-up steps: "A has B's number in contacts" (one round trip), "A and B met in a
// chat made by C" (three dependent ones: C imports both, C makes the chat, each member reads its
// updates), "A and B have each other's numbers" (two). Together they are about half of a
// scenario's sequential round trips. A pool runs a scenario's leading set-up ahead, in a session
// of its own with fresh accounts, exactly as the steps would run it (runSetup: the same calls and
// checks, in the same order); the scenario takes that session whole (its users, model, update
// state, answers and transcript), and its set-up steps then find their work done. Every account
// is still used by one scenario only.
//
// What a scenario sees does not change:
// - a set-up that passed would have passed run live: its checks read no scenario tag (tags only
//   choose which requirement a failure is blamed on);
// - a set-up that failed a requirement is not used: the scenario runs its set-up live, in its own
//   session, so the failure is blamed as its tags say;
// - a set-up the target broke (a timeout, a refusal, a missing user) fails the scenario at the
//   step that broke, with that error and the set-up's transcript, as the live steps would;
// - after any failure the pool stops preparing for the run, and scenarios run their set-up live.
import type { RequestScope, Transcript } from "../client/index.ts";
import { RequirementFailure } from "./failure.ts";
import { importNumber, meetInChat } from "./operations.ts";
import { perTarget } from "./per_target.ts";
import type { ConformanceSession } from "./session.ts";
import { setupKey } from "./setup_steps.ts";

/** One set-up step's work. */
export type SetupOp =
  | { kind: "import"; importer: string; owner: string }
  | { kind: "meet"; members: readonly string[]; maker: string };

/** The work of a set-up step, the same whether a scenario runs it or the pool runs it ahead. */
export async function runSetup(session: ConformanceSession, op: SetupOp): Promise<void> {
  if (op.kind === "import") await importNumber(session, op.importer, op.owner);
  else await meetInChat(session, op.members, op.maker);
}

export const sameSetup = (a: SetupOp, b: SetupOp): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A set-up run ahead: its session, the record of its exchanges and its requests. */
export interface PreparedSetup {
  session: ConformanceSession;
  transcript: Transcript;
  scope: RequestScope;
  /** Set when the target broke the set-up: the step (index into the ops) and its error. */
  broken?: { at: number; error: unknown };
}

/** A fresh session of the run's settings, with its own transcript and request scope. */
export type SetupSessionFactory = () => PreparedSetup;

export interface SetupPoolOptions {
  /**
   * Set-ups of each sequence of steps kept ready; default 2. With one, a set-up began when the
   * scenario before took its own, and a set-up (4–5 round trips) outlasts many a scenario (3–4):
   * at 100 ms round trip and 16 workers, 87 of 294 scenarios waited for one under way. Two cost
   * 5% more requests (the set-ups left over when the run ends) and took the run from 14.0–15.0 s
   * to 13.4–13.5 s; on loopback the two are alike (docs/performance.md).
   */
  ahead?: number;
  /**
   * How old a set-up may be when a scenario takes it; default 30 s. An older one is dropped and
   * one made afresh: the same set-up may come back only at the run's other end, and a target may
   * end sessions or connections that sat idle (the reference server's MTProto front end closes a
   * connection after 120 s).
   */
  maxAgeMs?: number;
}

/** A set-up being run ahead: its session from the start, and the promise of its end. */
export interface Preparation {
  setup: PreparedSetup;
  /** performance.now() when it began. */
  startedAt: number;
  /** The set-up once run (a `broken` one included), or undefined when it failed a requirement. */
  ready: Promise<PreparedSetup | undefined>;
}

export class SetupPool {
  private readonly queues = new Map<string, Preparation[]>();
  private readonly untaken = new Set<PreparedSetup>();
  private readonly dropped = new WeakSet<PreparedSetup>();
  private failed = false;
  private closed = false;
  private readonly ahead: number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly make: SetupSessionFactory,
    options: SetupPoolOptions = {},
  ) {
    this.ahead = options.ahead ?? 2;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  /**
   * The set-up `ops` being run ahead for this scenario, or undefined when the scenario is to run
   * its set-up live (the pool has stopped). Taken, its connections end with the scenario.
   */
  take(ops: readonly SetupOp[]): Preparation | undefined {
    const key = setupKey(ops);
    let queue = this.queues.get(key);
    if (!queue) {
      queue = [];
      this.queues.set(key, queue);
    }
    while (queue.length > 0 && performance.now() - (queue[0] as Preparation).startedAt > this.maxAgeMs)
      this.drop((queue.shift() as Preparation).setup);
    const next = queue.shift() ?? (this.stopped() ? undefined : this.prepare(ops));
    while (!this.stopped() && queue.length < this.ahead) queue.push(this.prepare(ops));
    if (next) this.untaken.delete(next.setup);
    return next;
  }

  /** Stops preparing and closes what no scenario took (the run is over). */
  close(): void {
    this.closed = true;
    for (const setup of [...this.untaken]) this.drop(setup);
    this.queues.clear();
  }

  private drop(setup: PreparedSetup): void {
    this.dropped.add(setup);
    this.untaken.delete(setup);
    setup.scope.close("the set-up was dropped unused");
    setup.session.binding.close?.();
  }

  private stopped(): boolean {
    return this.failed || this.closed;
  }

  private prepare(ops: readonly SetupOp[]): Preparation {
    const setup = this.make();
    this.untaken.add(setup);
    const ready = (async () => {
      for (const [at, op] of ops.entries()) {
        try {
          await runSetup(setup.session, op);
        } catch (error) {
          // Dropped unused (too old, or the run ended): its requests were cut short on purpose.
          if (this.dropped.has(setup)) return undefined;
          this.failed = true;
          if (!(error instanceof RequirementFailure)) {
            setup.broken = { at, error };
            return setup;
          }
          this.drop(setup);
          return undefined;
        }
      }
      return setup;
    })();
    return { setup, startedAt: performance.now(), ready };
  }
}

const pools = perTarget<SetupPool>();

/** The process's set-up pool for a target. */
export function setupPool(target: string, make: SetupSessionFactory, options?: SetupPoolOptions): SetupPool {
  return pools.get(target, () => new SetupPool(make, options));
}

/** Closes and forgets every set-up pool: its sessions belong to the target of the run that ends. */
export function releaseSetupPools(): void {
  pools.release();
}
