// One World per scenario: a thin holder of one ConformanceSession (src/session: the users, the
// binding, the link model, the automatic checks) plus what cucumber steps pass between them.
import { type IWorldOptions, setWorldConstructor, World } from "@cucumber/cucumber";
import type { CallOutcome } from "../src/bindings/index.ts";
import { createBinding } from "../src/bindings/index.ts";
import { RequestScope, Transcript } from "../src/client/index.ts";
import { drawTestPhone } from "../src/profile/index.ts";
import { accountPool, adoptingFrom, ConformanceSession, type TlObject } from "../src/session/index.ts";
import { clientOptions, type TargetSettings, targetSettings } from "./target.ts";

export class ConformanceWorld extends World {
  readonly transcript = new Transcript();
  readonly session: ConformanceSession;
  /** The run's settings (worldParameters), and the scenario's requests, which end with it. */
  readonly settings: TargetSettings;
  readonly scope = new RequestScope();
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
  }
}

setWorldConstructor(ConformanceWorld);
