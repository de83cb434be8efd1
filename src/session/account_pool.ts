// Accounts off the critical path (issue "Fast against a remote server"): a pool signs up fresh
// accounts ahead, a few at once, and a scenario takes the next ready one instead of waiting two
// round trips per user. Every account is still used by one scenario only. One pool per target
// per process (each parallel worker has its own).
import type { Binding } from "../bindings/index.ts";
import type { Transcript } from "../client/index.ts";
import { type Account, createAccount, defaultTestNumber, forgetDrawnNumbers } from "./actors.ts";
import { checkSchema } from "./inspect.ts";
import { perTarget } from "./per_target.ts";

/** A pooled account with the record of its sign-up, which the scenario that takes it adopts. */
export interface PooledAccount extends Account {
  transcript: Transcript;
}

/** A sign-up that failed ahead of time, with the record of its exchanges. */
export class PooledSignUpError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly transcript: Transcript,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : "Error";
  }
}

export interface AccountSource {
  take(): Promise<Account>;
}

/** The binding an account is signed up on, with the transcript it records into. */
export type PoolBinding = () => { binding: Binding; transcript: Transcript };

export interface PoolOptions {
  /** Accounts kept signed up and ready; default 8. */
  ahead?: number;
  /** Sign-ups in flight at once; default 4 (a vendor's flood limits see every worker's). */
  concurrency?: number;
  testNumber?: () => { phone: string; code: string };
}

export class AccountPool {
  private readonly ready: Promise<PooledAccount>[] = [];
  private running = 0;
  private closed = false;
  private readonly waiting: ((handed: boolean) => void)[] = [];
  private readonly ahead: number;
  private readonly concurrency: number;

  constructor(
    private readonly binding: PoolBinding,
    private readonly options: PoolOptions = {},
  ) {
    this.ahead = options.ahead ?? 8;
    this.concurrency = options.concurrency ?? 4;
  }

  take(): Promise<PooledAccount> {
    const next = this.ready.shift() ?? this.start();
    while (this.ready.length < this.ahead) this.ready.push(this.start());
    return next;
  }

  private async slot(): Promise<void> {
    if (this.closed) throw new Error("the run ended before this account was signed up");
    if (this.running < this.concurrency) {
      this.running += 1;
      return;
    }
    // true when a finished sign-up handed its slot on, false when close() woke every waiter.
    const handed = await new Promise<boolean>((resolve) => this.waiting.push(resolve));
    if (this.closed) {
      if (handed) this.release();
      throw new Error("the run ended before this account was signed up");
    }
  }

  /**
   * The run is over: sign-ups still waiting for their turn are dropped, so none connects to the
   * target after the run's report (those in flight end by their own request timeout).
   */
  close(): void {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake(false);
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(true);
    else this.running -= 1;
  }

  private start(): Promise<PooledAccount> {
    const account = (async () => {
      await this.slot();
      const { binding, transcript } = this.binding();
      try {
        const made = await createAccount(
          {
            binding,
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
        return { ...made, transcript };
      } catch (error) {
        throw new PooledSignUpError(error, transcript);
      } finally {
        // The account goes on through its credential; the sign-up's connections are done.
        binding.close?.();
        this.release();
      }
    })();
    // Taken later or never: a failure must not surface as an unhandled rejection meanwhile.
    account.catch(() => undefined);
    return account;
  }
}

const pools = perTarget<AccountPool>();

/** The process's pool for a target. */
export function accountPool(target: string, binding: PoolBinding, options?: PoolOptions): AccountPool {
  return pools.get(target, () => new AccountPool(binding, options));
}

/**
 * The accounts a scenario takes from a pool, each one's sign-up record adopted into the
 * scenario's transcript (also when the sign-up failed: the report shows what the target did).
 */
export function adoptingFrom(pool: AccountPool, transcript: Transcript): AccountSource {
  return {
    async take() {
      try {
        const { transcript: signUp, ...account } = await pool.take();
        transcript.adopt(signUp);
        return account;
      } catch (error) {
        if (!(error instanceof PooledSignUpError)) throw error;
        transcript.adopt(error.transcript);
        throw error.cause;
      }
    },
  };
}

/**
 * Forgets every pool, with the accounts it made ahead: they belong to the target of the run that
 * ends (a later run may meet another server at the same address, as the kill matrix does).
 */
export function releaseAccountPools(): void {
  pools.release();
  forgetDrawnNumbers();
}
