// The requests of one scenario: which are in flight, when one last started or ended, and a way to
// abandon them all. The World closes its scope when its scenario ends, so no request outlives
// its scenario; the step guard reads the activity to tell a slow target from a stalled step.
import { HarnessError } from "./errors.ts";

export interface Abortable {
  abort(): void;
}

export class RequestScope {
  private readonly live = new Set<Abortable>();
  /** The calls in flight, to wait for once their requests are aborted. */
  private readonly pending = new Set<Promise<unknown>>();
  private closedBecause: string | undefined;
  /** performance.now() of the latest request start or end. */
  lastActivity = performance.now();
  /**
   * A scope that counts this one's requests as its own activity: a scenario's, while it waits
   * for a set-up run ahead in this scope (src/session/setup_pool.ts).
   */
  forwardTo: RequestScope | undefined;

  get inFlight(): number {
    return this.live.size;
  }

  enter(request: Abortable): void {
    if (this.closedBecause !== undefined)
      throw new HarnessError("HARNESS_ABORTED", `no request is sent after ${this.closedBecause}`);
    this.live.add(request);
    this.touch();
  }

  leave(request: Abortable): void {
    this.live.delete(request);
    this.touch();
  }

  private touch(): void {
    this.lastActivity = performance.now();
    if (this.forwardTo) this.forwardTo.lastActivity = this.lastActivity;
  }

  /** Keeps a call's promise until it settles, so abandon() can wait for its transcript entry. */
  track<T>(call: Promise<T>): Promise<T> {
    this.pending.add(call);
    const forget = () => this.pending.delete(call);
    call.then(forget, forget);
    return call;
  }

  /**
   * Abandons every request still in flight (each is recorded with HARNESS_ABORTED) and refuses
   * new ones; resolves once the abandoned calls have settled, so they are in the transcript.
   */
  async abandon(reason = "the scenario ended"): Promise<void> {
    this.close(reason);
    await Promise.allSettled([...this.pending]);
  }

  /** Aborts every request in flight and refuses new ones; `reason` completes "after …". */
  close(reason: string): void {
    this.closedBecause ??= reason;
    for (const request of this.live) request.abort();
  }

  get closedReason(): string | undefined {
    return this.closedBecause;
  }
}
