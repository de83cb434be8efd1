// The binding client's options, checked at the boundary; defaults applied after the checks.
import { InvalidOptionError } from "./errors.ts";
import { withoutCredentials } from "./redact.ts";
import type { RequestScope } from "./request_scope.ts";

export interface TlsOptions {
  /** PEM text of the CA (or CAs) to trust instead of Node's bundle. */
  ca?: string;
  /** Skip certificate verification. */
  insecure?: boolean;
}

export interface ClientOptions {
  /** Base URL of the target, e.g. http://127.0.0.1:8080 (no trailing /rpc). Credentials in it are dropped. */
  target: string;
  /** Whole-exchange timeout per request (headers and body); default 10 s. */
  timeoutMs?: number;
  /** Largest answer read; past it the request fails with TARGET_BODY_TOO_LARGE. Default 4 MiB. */
  maxBodyBytes?: number;
  /** Sent with every request (a gateway's key); recorded as <redacted>. */
  headers?: Record<string, string>;
  tls?: TlsOptions;
  /** The scenario's requests, which it abandons when it ends; a client of its own otherwise. */
  scope?: RequestScope;
}

export type ResolvedClientOptions = Required<Omit<ClientOptions, "scope">>;

function positiveInteger(value: unknown, name: string): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
    throw new InvalidOptionError(`${name} must be a positive integer`);
  }
}

function checkHeaders(headers: unknown): void {
  if (headers === undefined) return;
  if (typeof headers !== "object" || headers === null)
    throw new InvalidOptionError("headers must be an object of strings");
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") throw new InvalidOptionError(`headers.${name} must be a string`);
    if (name.toLowerCase() === "authorization" || name.toLowerCase() === "content-type")
      throw new InvalidOptionError(`headers.${name} is set by the binding and cannot be replaced`);
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
  checkHeaders(options.headers);
  if (options.tls?.ca !== undefined && typeof options.tls.ca !== "string")
    throw new InvalidOptionError("tls.ca must be PEM text");
  return {
    target: withoutCredentials(options.target).replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    headers: options.headers ?? {},
    tls: options.tls ?? {},
  };
}
