// Where the suite sends its requests. The run command hands its settings to every World through
// cucumber's worldParameters; when cucumber-js is run directly with none, CONFORMANCE_TARGET (set
// by the BeforeAll hook for the embedded server) and CONFORMANCE_TIMEOUT_MS are read instead.
import { InvalidOptionError } from "../src/client/index.ts";

export interface TargetSettings {
  target: string;
  timeoutMs: number;
}

function fromParameters(parameters: unknown): TargetSettings | undefined {
  if (typeof parameters !== "object" || parameters === null) return undefined;
  const { target, timeoutMs } = parameters as Partial<TargetSettings>;
  if (typeof target !== "string") return undefined;
  return { target, timeoutMs: typeof timeoutMs === "number" ? timeoutMs : 10_000 };
}

export function targetSettings(parameters?: unknown): TargetSettings {
  const given = fromParameters(parameters);
  if (given) return given;
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
