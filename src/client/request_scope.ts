// The requests of one scenario: which are in flight, when one last started or ended, and a way to
// abandon them all. The World closes its scope when its scenario ends, so no request outlives
// its scenario; the step guard reads the activity to tell a slow target from a stalled step.
import { HarnessError } from "./errors.ts";

export interface Abortable {
  abort(): void;
}

export class RequestScope {
  private readonly live = new Set<Abortable>();
  private closedBecause: string | undefined;
  /** performance.now() of the latest request start or end. */
  lastActivity = performance.now();

  get inFlight(): number {
    return this.live.size;
  }

  enter(request: Abortable): void {
    if (this.closedBecause !== undefined)
      throw new HarnessError("HARNESS_ABORTED", `no request is sent after ${this.closedBecause}`);
    this.live.add(request);
    this.lastActivity = performance.now();
  }

  leave(request: Abortable): void {
    this.live.delete(request);
    this.lastActivity = performance.now();
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
