// How many worker processes a run uses when none is given (--parallel auto). On loopback, or
// against the embedded server, the target shares the CPU with the harness: one process is
// fastest (docs/performance.md). A remote target keeps workers waiting on the network, not on
// the CPU, so the count scales past the cores: eight per core, at least 8, at most 16, never
// more than there are scenarios. Measured at 100 ms round trip on 2 cores (bench/remote.ts
// --compiled): 27.2 s with 8 workers, 19.3 s with 16 (docs/performance.md). --parallel 0 (or
// --serial) forces one process.
import { availableParallelism } from "node:os";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:127(\.\d{1,3}){3}\])$/i;

export function isLoopback(target: string): boolean {
  return LOOPBACK.test(new URL(target).hostname);
}

export function defaultWorkers(
  target: string | undefined,
  scenarios: number,
  cores = availableParallelism(),
): number {
  if (target === undefined || isLoopback(target) || scenarios < 2) return 0;
  return Math.min(scenarios, Math.max(8, Math.min(16, cores * 8)));
}
