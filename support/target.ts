// Where the suite sends its requests. The run command (or the BeforeAll hook when cucumber-js is
// run directly) sets CONFORMANCE_TARGET; workers of a parallel run inherit it.
import { InvalidOptionError } from "../src/client/index.ts";

export interface TargetSettings {
  target: string;
  timeoutMs: number;
}

export function targetSettings(): TargetSettings {
  const target = process.env.CONFORMANCE_TARGET;
  if (!target)
    throw new InvalidOptionError(
      "CONFORMANCE_TARGET is not set: the run command or the BeforeAll hook sets it",
    );
  const timeoutText = process.env.CONFORMANCE_TIMEOUT_MS ?? "10000";
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError(`CONFORMANCE_TIMEOUT_MS must be a positive integer, got "${timeoutText}"`);
  }
  return { target, timeoutMs };
}
