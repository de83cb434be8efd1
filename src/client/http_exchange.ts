// One HTTP exchange with a hostile-input-safe read: the timeout covers the whole exchange, the
// body is read only up to the cap, redirects are never followed, and every failure becomes a
// TargetError with a code.
import { EventEmitter } from "node:events";
import { maxHeaderSize } from "node:http";
import { Agent, request } from "undici";
import { HarnessError, TargetError } from "./errors.ts";
import type { TlsOptions } from "./options.ts";
import type { RequestScope } from "./request_scope.ts";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  truncated: boolean;
}

const agents = new Map<string, Agent>();

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

type Answer = Awaited<ReturnType<typeof request>>;

/**
 * The body up to the cap. A declared length within the cap is read in one go (the common
 * case, and measurably faster); a larger declared length is refused unread; an undeclared
 * length is read in chunks and cut at the cap.
 */
async function readCapped(answer: Answer, cap: number): Promise<{ text: string; truncated: boolean }> {
  const declared = Number(answer.headers["content-length"]);
  if (Number.isInteger(declared) && declared <= cap)
    return { text: await answer.body.text(), truncated: false };
  if (Number.isInteger(declared)) {
    answer.body.destroy();
    return { text: "", truncated: true };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of answer.body) {
    const buffer = chunk as Buffer;
    if (size + buffer.length > cap) {
      chunks.push(buffer.subarray(0, cap - size));
      answer.body.destroy();
      return { text: Buffer.concat(chunks).toString("utf8"), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated: false };
}

/**
 * The whole-exchange deadline, in the shape undici accepts as a `signal` (an EventEmitter with
 * `aborted` and `reason`). Not an AbortController: undici's listeners on an AbortSignal cost
 * about 40 µs of CPU per request on Node 20, a third of a bare request (bench/client.ts); an
 * EventEmitter costs next to nothing. A timer cleared when the exchange ends, not
 * AbortSignal.timeout, which would stay alive for the full timeout after every request.
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
    const answer = await request(url, {
      method,
      headers,
      body,
      signal: deadline,
      dispatcher: agentFor(limits.timeoutMs, limits.tls ?? {}),
    });
    const { text, truncated } = await readCapped(answer, limits.maxBodyBytes);
    return {
      status: answer.statusCode,
      headers: flatHeaders(answer.headers),
      bodyText: text,
      truncated,
    };
  } catch (error) {
    throw classify(error, limits.timeoutMs, deadline.ended);
  } finally {
    deadline.clear();
    limits.scope?.leave(deadline);
  }
}
