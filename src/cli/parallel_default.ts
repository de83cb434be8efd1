// How many worker processes a run uses when none is given (--parallel auto). On loopback, or
// against the embedded server, the target shares the CPU with the harness: one process is
// fastest (docs/performance.md). A remote target keeps workers waiting on the network, not on
// the CPU, so the count scales past the cores: four per core, at least 4, at most 16, never
// more than there are scenarios. --parallel 0 (or --serial) forces one process.
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
  return Math.min(scenarios, Math.max(4, Math.min(16, cores * 4)));
}
