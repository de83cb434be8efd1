// The options of the HTTP front end, checked one by one; defaults applied after the checks.
import { checkOption } from "../../check_option.ts";
import type { CoreOptions } from "../../core_options.ts";
import { checkListenOptions } from "../listen.ts";

export interface HttpOptions {
  /** Interface to listen on; default 127.0.0.1 (the server is for tests, never exposed). */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Largest request body accepted; default 256 KiB. A larger one gets 413. */
  bodyLimitBytes?: number;
  /** Largest request head (request line and headers); default 16 KiB. A larger one gets 413. */
  maxHeaderBytes?: number;
  /** Time for a request's head to arrive; default 10 s. Past it: 400. */
  headersTimeoutMs?: number;
  /** Time for a whole request, body included, to arrive; default 30 s. Past it: 400. */
  requestTimeoutMs?: number;
  /** Called once per request, for logs. */
  onRequest?: (line: string) => void;
}

/** startServer's options: the core's and the HTTP front end's. */
export type ServerOptions = CoreOptions & HttpOptions;

export type ResolvedHttpOptions = Required<Omit<HttpOptions, "onRequest">> & Pick<HttpOptions, "onRequest">;

const positive = (value: unknown) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);

export function resolveHttpOptions(options: HttpOptions = {}): ResolvedHttpOptions {
  const { host, port, bodyLimitBytes, maxHeaderBytes, headersTimeoutMs, requestTimeoutMs, onRequest } =
    options;
  checkListenOptions(host, port);
  checkOption(positive(bodyLimitBytes), "bodyLimitBytes must be a positive integer");
  checkOption(positive(maxHeaderBytes), "maxHeaderBytes must be a positive integer");
  checkOption(positive(headersTimeoutMs), "headersTimeoutMs must be a positive integer");
  checkOption(positive(requestTimeoutMs), "requestTimeoutMs must be a positive integer");
  checkOption(onRequest === undefined || typeof onRequest === "function", "onRequest must be a function");
  const resolved = {
    host: host ?? "127.0.0.1",
    port: port ?? 0,
    bodyLimitBytes: bodyLimitBytes ?? 256 * 1024,
    maxHeaderBytes: maxHeaderBytes ?? 16 * 1024,
    headersTimeoutMs: headersTimeoutMs ?? 10_000,
    requestTimeoutMs: requestTimeoutMs ?? 30_000,
    onRequest,
  };
  checkOption(
    resolved.headersTimeoutMs <= resolved.requestTimeoutMs,
    "headersTimeoutMs must not be above requestTimeoutMs",
  );
  return resolved;
}
