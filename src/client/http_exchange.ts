// One HTTP exchange with a hostile-input-safe read: the timeout covers the whole exchange, the
// body is read only up to the cap, redirects are never followed, and every failure becomes a
// TargetError with a code.
import { EventEmitter } from "node:events";
import { maxHeaderSize } from "node:http";
import { HarnessError, TargetError } from "./errors.ts";
import type { TlsOptions } from "./options.ts";
import type { RequestScope } from "./request_scope.ts";
import { Agent } from "./undici_agent.ts";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  truncated: boolean;
}

const agents = new Map<string, Agent>();

/** A target's URLs, parsed once: a run sends thousands of requests to the same two or three. */
const urls = new Map<string, URL>();

function parsedUrl(url: string): URL {
  let parsed = urls.get(url);
  if (!parsed) {
    parsed = new URL(url);
    if (urls.size > 1000) urls.clear();
    urls.set(url, parsed);
  }
  return parsed;
}

/** One keep-alive pool per timeout and TLS setting, shared by every World of the process. */
function agentFor(timeoutMs: number, tls: TlsOptions): Agent {
  const key = `${timeoutMs} ${tls.insecure === true} ${tls.ca ?? ""}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: timeoutMs,
      connections: 64,
      connect: {
        rejectUnauthorized: tls.insecure !== true,
        ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
      },
    });
    agents.set(key, agent);
  }
  return agent;
}

export async function closeAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}

/** Header values as strings: a repeated header (an array in undici) is joined; most answers have none, and are kept as they are. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  let flat = true;
  for (const k in headers) if (typeof headers[k] !== "string") flat = false;
  if (flat) return headers as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_)|CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|^EPROTO$/;

const TLS_ADVICE =
  "to trust the CA that signed the target's certificate, give its PEM file with --ca FILE (tls.ca in a profile); --insecure skips the check, never for certification";

function classify(error: unknown, timeoutMs: number, ended: Deadline["ended"]): TargetError | HarnessError {
  if (error instanceof TargetError || error instanceof HarnessError) return error;
  if (ended === "scope")
    return new HarnessError("HARNESS_ABORTED", "the scenario ended before the answer came", { cause: error });
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code ?? "";
  const name = (error as { name?: string }).name ?? "";
  const detail = error instanceof Error ? error.message : String(error);
  if (TLS_CODE.test(code))
    return new TargetError("TARGET_TLS", `${code}: ${detail}; ${TLS_ADVICE}`, { cause: error });
  if (code === "UND_ERR_HEADERS_OVERFLOW")
    return new TargetError("TARGET_HEADERS_TOO_LARGE", `the answer's headers exceed ${maxHeaderSize} bytes`, {
      cause: error,
    });
  if (ended === "timeout" || name === "TimeoutError" || name === "AbortError" || code.includes("TIMEOUT")) {
    return new TargetError("TARGET_TIMEOUT", `no whole answer within ${timeoutMs} ms`, { cause: error });
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH") {
    return new TargetError("TARGET_UNREACHABLE", `${code}: ${detail}`, { cause: error });
  }
  return new TargetError("TARGET_RESET", `${code || name}: ${detail}`, { cause: error });
}

/**
 * One exchange on undici's dispatch interface, the body collected here up to the cap: a declared
 * length over the cap is refused unread, an undeclared one cut at the cap. `request()` would add
 * a URL parse, a readable stream, an async resource and a consumer per exchange, about a third of
 * the client's own CPU per call (bench/client.ts), for what these few callbacks do.
 */
function dispatched(
  agent: Agent,
  target: URL,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body: string | undefined,
  cap: number,
  deadline: Deadline,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let controller: { abort(reason: Error): void } | undefined;
    let status = 0;
    let head: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const aborted = () => deadline.reason ?? new Error("aborted");
    const onAbort = () => controller?.abort(aborted());
    deadline.once("abort", onAbort);
    /** Settles once: the answer (cut or whole), or the error; the deadline no longer matters. */
    const settle = (outcome: { truncated: boolean } | { error: Error }) => {
      deadline.removeListener("abort", onAbort);
      if (settled) return;
      settled = true;
      if ("error" in outcome) reject(outcome.error);
      else resolve({ status, headers: head, bodyText: Buffer.concat(chunks).toString("utf8"), ...outcome });
    };
    /** The body is over the cap: answer with what came, and drop the rest unread. */
    const cut = (c: { abort(reason: Error): void }) => {
      settle({ truncated: true });
      c.abort(new Error("the body is over the cap"));
    };
    agent.dispatch(
      {
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method,
        headers,
        body: body ?? null,
      },
      {
        onRequestStart(c) {
          controller = c;
          if (deadline.aborted) c.abort(aborted());
        },
        onResponseStart(c, statusCode, responseHeaders) {
          status = statusCode;
          head = flatHeaders(responseHeaders as Record<string, string | string[] | undefined>);
          const declared = Number(head["content-length"]);
          if (Number.isInteger(declared) && declared > cap) cut(c);
        },
        onResponseData(c, chunk) {
          if (settled) return;
          if (size + chunk.length > cap) {
            chunks.push(chunk.subarray(0, cap - size));
            cut(c);
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        },
        onResponseEnd() {
          settle({ truncated: false });
        },
        onResponseError(_c, error) {
          settle({ error });
        },
      },
    );
  });
}

/**
 * The whole-exchange deadline: an EventEmitter whose "abort" the exchange listens for, to abort
 * its dispatch. Not an AbortController: listeners on an AbortSignal cost about 40 µs of CPU per
 * request on Node 20, a third of a bare request (bench/client.ts); an EventEmitter costs next to
 * nothing. A timer cleared when the exchange ends, not AbortSignal.timeout, which would stay
 * alive for the full timeout after every request.
 */
class Deadline extends EventEmitter {
  aborted = false;
  reason: Error | undefined;
  /** Why the exchange was cut short: its own deadline, or its scope closing. */
  ended: "timeout" | "scope" | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    super();
    this.timer = setTimeout(
      () => this.end("timeout", new DOMException("timeout", "TimeoutError")),
      timeoutMs,
    );
  }

  /** Called by the scope: the scenario ended while this exchange was in flight. */
  abort(): void {
    this.end("scope", new DOMException("the scenario ended", "AbortError"));
  }

  private end(why: "timeout" | "scope", reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.ended = why;
    this.reason = reason;
    clearTimeout(this.timer);
    this.emit("abort");
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

export interface ExchangeLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  tls?: TlsOptions;
  /** The scenario's requests: this exchange is aborted when the scope closes. */
  scope?: RequestScope;
}

export async function exchange(
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body: string | undefined,
  limits: ExchangeLimits,
): Promise<RawAnswer> {
  // One deadline for the whole exchange, headers and body.
  const deadline = new Deadline(limits.timeoutMs);
  try {
    limits.scope?.enter(deadline);
  } catch (error) {
    deadline.clear();
    throw error;
  }
  try {
    const agent = agentFor(limits.timeoutMs, limits.tls ?? {});
    return await dispatched(agent, parsedUrl(url), method, headers, body, limits.maxBodyBytes, deadline);
  } catch (error) {
    throw classify(error, limits.timeoutMs, deadline.ended);
  } finally {
    deadline.clear();
    limits.scope?.leave(deadline);
  }
}
