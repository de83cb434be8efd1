// Accounts off the critical path (issue "Fast against a remote server"): a pool signs up fresh
// accounts ahead, a few at once, and a scenario takes the next ready one instead of waiting two
// round trips per user. Every account is still used by one scenario only. One pool per target
// per process (each parallel worker has its own).
import type { Binding } from "../bindings/index.ts";
import { type Account, createAccount, defaultTestNumber } from "./actors.ts";
import { checkSchema } from "./inspect.ts";

export interface AccountSource {
  take(): Promise<Account>;
}

export interface PoolOptions {
  /** Accounts kept signed up and ready; default 8. */
  ahead?: number;
  /** Sign-ups in flight at once; default 4 (a vendor's flood limits see every worker's). */
  concurrency?: number;
  testNumber?: () => { phone: string; code: string };
}

export class AccountPool implements AccountSource {
  private readonly ready: Promise<Account>[] = [];
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly ahead: number;
  private readonly concurrency: number;

  constructor(
    private readonly binding: Binding,
    private readonly options: PoolOptions = {},
  ) {
    this.ahead = options.ahead ?? 8;
    this.concurrency = options.concurrency ?? 4;
  }

  take(): Promise<Account> {
    const next = this.ready.shift() ?? this.start();
    while (this.ready.length < this.ahead) this.ready.push(this.start());
    return next;
  }

  private async slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  private start(): Promise<Account> {
    const account = (async () => {
      await this.slot();
      try {
        return await createAccount(
          {
            binding: this.binding,
            testNumber: this.options.testNumber ?? defaultTestNumber,
            // A pooled sign-up belongs to no scenario yet: its answers get the schema check
            // here, and the scenario that takes the account meets any failure.
            checked: async (session, viewer, call) => {
              const outcome = await session.call(call, { layer: 1, role: viewer ?? "anonymous" });
              checkSchema(call._, 1, outcome.body, "a new account");
              return outcome;
            },
          },
          "User",
        );
      } finally {
        this.release();
      }
    })();
    // Taken later or never: a failure must not surface as an unhandled rejection meanwhile.
    account.catch(() => undefined);
    return account;
  }
}

const pools = new Map<string, AccountPool>();

/** The process's pool for a target; `binding` makes the pool's own binding the first time. */
export function accountPool(target: string, binding: () => Binding, options?: PoolOptions): AccountPool {
  let pool = pools.get(target);
  if (!pool) {
    pool = new AccountPool(binding(), options);
    pools.set(target, pool);
  }
  return pool;
}
