// The binding client's options, checked at the boundary; defaults applied after the checks.
import { InvalidOptionError } from "./errors.ts";

export interface ClientOptions {
  /** Base URL of the target, e.g. http://127.0.0.1:8080 (no trailing /rpc). */
  target: string;
  /** Whole-exchange timeout per request (headers and body); default 10 s. */
  timeoutMs?: number;
  /** Largest answer read; past it the request fails with TARGET_BODY_TOO_LARGE. Default 4 MiB. */
  maxBodyBytes?: number;
}

export type ResolvedClientOptions = Required<ClientOptions>;

function positiveInteger(value: unknown, name: string): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
    throw new InvalidOptionError(`${name} must be a positive integer`);
  }
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  let url: URL;
  try {
    url = new URL(options.target);
  } catch {
    throw new InvalidOptionError(`target must be an http(s) URL, got "${options.target}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidOptionError(`target must be an http(s) URL, got "${options.target}"`);
  }
  positiveInteger(options.timeoutMs, "timeoutMs");
  positiveInteger(options.maxBodyBytes, "maxBodyBytes");
  return {
    target: options.target.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
  };
}
