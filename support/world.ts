// One World per scenario: a thin holder of one ConformanceSession (src/session: the users, the
// binding, the link model, the automatic checks) plus what cucumber steps pass between them.
import { type IWorldOptions, setWorldConstructor, World } from "@cucumber/cucumber";
import type { CallOutcome } from "../src/bindings/index.ts";
import { createBinding } from "../src/bindings/index.ts";
import { HarnessError, RequestScope, Transcript } from "../src/client/index.ts";
import { drawTestPhone } from "../src/profile/index.ts";
import {
  accountPool,
  adoptingFrom,
  ConformanceSession,
  leadingSetup,
  type PreparedSetup,
  runSetup,
  type SetupOp,
  type SetupPool,
  sameSetup,
  setupPool,
  type TlObject,
} from "../src/session/index.ts";
import { clientOptions, type TargetSettings, targetSettings } from "./target.ts";

export class ConformanceWorld extends World {
  /** The scenario's record, session and requests: a prepared set-up's once it takes one. */
  transcript = new Transcript();
  session: ConformanceSession;
  scope = new RequestScope();
  /** The run's settings (worldParameters). */
  readonly settings: TargetSettings;
  private readonly setups: SetupPool;
  /** The scenario's leading set-up (planSetup), and what of it a prepared set-up has done. */
  private planned: SetupOp[] = [];
  private done: SetupOp[] = [];
  private broken: PreparedSetup["broken"];
  /** The last answer of a step that expects an error; cleared when a Then checks it. */
  pendingError: { outcome: CallOutcome; method: string } | undefined;
  /** The state of every user before a request that must change nothing. */
  noted: string | undefined;
  /** The answer of the latest import done by a When step, for the Then that judges it. */
  lastImport: TlObject | undefined;
  /** Message ids of each user's note to itself (for forwards in error scenarios). */
  readonly notes = new Map<string, number>();

  constructor(options: IWorldOptions) {
    super(options);
    this.settings = targetSettings(options.parameters);
    const client = clientOptions(this.settings);
    const binding = createBinding(this.settings, { ...client, scope: this.scope }, this.transcript);
    // Fresh accounts are signed up ahead, off each scenario's critical path (and outside any
    // scenario's request scope); the scenario that takes one adopts its sign-up exchanges.
    const phones = this.settings.phones;
    const pool = accountPool(
      binding.target,
      () => {
        const transcript = new Transcript();
        return { binding: createBinding(this.settings, client, transcript), transcript };
      },
      { testNumber: () => drawTestPhone(phones) },
    );
    this.session = new ConformanceSession({ binding, accounts: adoptingFrom(pool, this.transcript) });
    // The leading set-up steps, run ahead in sessions of their own (src/session/setup_pool.ts).
    this.setups = setupPool(binding.target, () => {
      const transcript = new Transcript();
      const scope = new RequestScope();
      const own = createBinding(this.settings, { ...client, scope }, transcript);
      const session = new ConformanceSession({ binding: own, accounts: adoptingFrom(pool, transcript) });
      return { session, transcript, scope };
    });
  }

  /** Before the scenario: its steps' texts, Background first; their leading set-up is planned. */
  planSetup(stepTexts: readonly string[]): void {
    this.planned = leadingSetup(stepTexts);
  }

  /**
   * A set-up step's work. The first one of a planned set-up takes it run ahead and goes on in its
   * session; each set-up step then finds its own work done (or, where the target broke the
   * set-up, fails with the error it met there).
   */
  async setup(op: SetupOp): Promise<void> {
    if (this.planned.length > 0) {
      const planned = this.planned;
      this.planned = [];
      if (this.session.isFresh()) await this.adoptSetup(planned);
    }
    const next = this.done.shift();
    if (next === undefined) return runSetup(this.session, op);
    if (!sameSetup(next, op))
      throw new HarnessError(
        "HARNESS_SETUP_MISMATCH",
        `the set-up run ahead did ${JSON.stringify(next)} where the step asks ${JSON.stringify(op)}`,
      );
    // A broken set-up's done list ends with the step that broke: that step meets its error.
    if (this.broken && this.done.length === 0) throw this.broken.error;
  }

  private async adoptSetup(planned: SetupOp[]): Promise<void> {
    const preparation = this.setups.take(planned);
    if (!preparation) return;
    // Its requests count as this step's, so the step guard sees a slow set-up as activity.
    preparation.setup.scope.forwardTo = this.scope;
    const taken = await preparation.ready;
    if (!taken) return;
    taken.session.tags = this.session.tags;
    this.session.binding.close?.();
    this.session = taken.session;
    this.transcript = taken.transcript;
    this.scope = taken.scope;
    this.done = taken.broken ? planned.slice(0, taken.broken.at + 1) : [...planned];
    this.broken = taken.broken;
  }
}

setWorldConstructor(ConformanceWorld);
