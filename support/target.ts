// Where the suite sends its requests and how. The run command hands its settings (from flags,
// environment and profile) to every World through cucumber's worldParameters; when cucumber-js
// runs directly with none, CONFORMANCE_TARGET (set by the BeforeAll hook for the embedded
// server) and CONFORMANCE_TIMEOUT_MS are read instead, with the defaults for the rest.
import { type ClientOptions, InvalidOptionError } from "../src/client/index.ts";
import { DEFAULT_PHONE_RULE, phoneRuleProblem, type WorldParameters } from "../src/profile/index.ts";

export type TargetSettings = WorldParameters;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function fromParameters(parameters: unknown): TargetSettings | undefined {
  if (!isObject(parameters) || typeof parameters.target !== "string") return undefined;
  const p = parameters as Partial<WorldParameters>;
  const headers = isObject(p.headers) ? (p.headers as Record<string, string>) : {};
  const phones = isObject(p.phones) ? { ...DEFAULT_PHONE_RULE, ...p.phones } : DEFAULT_PHONE_RULE;
  const problem = phoneRuleProblem(phones);
  if (problem) throw new InvalidOptionError(`worldParameters.phones: ${problem}`);
  return {
    target: parameters.target,
    timeoutMs: typeof p.timeoutMs === "number" ? p.timeoutMs : 10_000,
    headers,
    tls: { insecure: p.tls?.insecure === true, ...(typeof p.tls?.ca === "string" ? { ca: p.tls.ca } : {}) },
    phones,
    transcripts: p.transcripts === "all" ? "all" : "failed",
  };
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
  return {
    target,
    timeoutMs,
    headers: {},
    tls: { insecure: false },
    phones: DEFAULT_PHONE_RULE,
    transcripts: "failed",
  };
}

/** The binding client's options for these settings. */
export function clientOptions(settings: TargetSettings): ClientOptions {
  return {
    target: settings.target,
    timeoutMs: settings.timeoutMs,
    headers: settings.headers,
    tls: settings.tls,
  };
}
