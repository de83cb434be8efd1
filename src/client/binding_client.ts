// The harness side of the binding (docs/binding.md): wraps a call in its layer, sends it with the
// caller's key, and returns the decoded answer, or throws a TargetError when the answer breaks
// the transport rules. Every exchange, good or bad, lands in the transcript.

import type { TranscriptEntry } from "../report/attachments.ts";
import type { Layer } from "../tl/index.ts";
import { layerSchema, wrapperForLayer } from "../tl/index.ts";
import { HarnessError, TargetError } from "./errors.ts";
import { type ExchangeLimits, exchange, type RawAnswer } from "./http_exchange.ts";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "./options.ts";
import { redactHeaders } from "./redact.ts";
import { RequestScope } from "./request_scope.ts";
import { capText, type Transcript } from "./transcript.ts";

export interface CallRequest {
  role: string;
  /** The bearer key (64 hex); undefined sends no Authorization header. */
  key: string | undefined;
  layer: Layer;
}

export interface Answer {
  status: number;
  /** The body as received (for checks that search the whole text, such as the privacy scan). */
  text: string;
  /** The response headers: the privacy scan searches them too. */
  headers: Record<string, string>;
  /** The decoded TL-JSON value: an object, or an array / boolean for Vector and Bool results. */
  body: unknown;
  /** Set when the answer is an rpc_error. */
  rpcError?: { code: number; message: string };
}

export function wrapCall(call: Record<string, unknown>, layer: Layer): Record<string, unknown> {
  return layer === 1 ? call : { _: wrapperForLayer(layer), query: call };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Methods whose result is a bare Vector or Bool answer with a JSON array or boolean. */
function allowsNonObject(method: string, layer: Layer): boolean {
  const type = layerSchema(layer).resultTypeOf(method) ?? "";
  return type === "Bool" || /^Vector</.test(type);
}

export function decode(raw: RawAnswer, method: string, layer: Layer): Answer {
  if (raw.truncated) {
    const declared = raw.headers["content-length"];
    const size = declared ? `declares ${declared} bytes` : `went past it after ${raw.bodyText.length} bytes`;
    throw new TargetError("TARGET_BODY_TOO_LARGE", `the answer is larger than the size cap: it ${size}`);
  }
  const type = raw.headers["content-type"] ?? "";
  let body: unknown;
  try {
    body = JSON.parse(raw.bodyText);
  } catch {
    const start = raw.bodyText.slice(0, 80).replace(/\s+/g, " ");
    throw new TargetError("TARGET_NOT_JSON", `HTTP ${raw.status} ${type || "(no content-type)"}: "${start}"`);
  }
  if (!/^application\/json\b/i.test(type)) {
    throw new TargetError(
      "TARGET_NOT_JSON",
      `content-type is "${type}", the binding requires application/json`,
    );
  }
  if (!isObject(body) && !allowsNonObject(method, layer)) {
    throw new TargetError(
      "TARGET_NOT_JSON",
      `the answer is ${Array.isArray(body) ? "an array" : typeof body}, not a TL-JSON object`,
    );
  }
  if (isObject(body) && body._ === "rpc_error") {
    const code = Number(body.error_code);
    if (raw.status !== code)
      throw new TargetError("TARGET_BAD_STATUS", `rpc_error ${code} came with HTTP ${raw.status}`);
    return {
      status: raw.status,
      text: raw.bodyText,
      headers: raw.headers,
      body,
      rpcError: { code, message: String(body.error_message) },
    };
  }
  if (raw.status !== 200)
    throw new TargetError(
      "TARGET_BAD_STATUS",
      `a result came with HTTP ${raw.status}, the binding requires 200`,
    );
  return { status: raw.status, text: raw.bodyText, headers: raw.headers, body };
}

function recorded(raw: RawAnswer): NonNullable<TranscriptEntry["response"]> {
  const response = { status: raw.status, headers: raw.headers, bodyText: capText(raw.bodyText) };
  return raw.truncated ? { ...response, truncated: true } : response;
}

/** The headers a key sends, and the same headers as a transcript may show them. */
interface KeyHeaders {
  sent: Record<string, string>;
  recorded: Record<string, string>;
}

export class BindingClient {
  readonly options: ResolvedClientOptions;
  /** The requests in flight: the scenario's when it gives its scope (options.scope), else this client's own. */
  readonly scope: RequestScope;
  private readonly url: string;
  private readonly limits: ExchangeLimits;
  private readonly secretHeaders: ReadonlySet<string>;
  // A scenario uses a handful of keys for many calls: their headers and the redacted copy are
  // built once per key, not once per call (undici does not change a headers object it is given).
  private readonly headersByKey = new Map<string | undefined, KeyHeaders>();

  constructor(
    options: ClientOptions,
    readonly transcript: Transcript,
  ) {
    this.options = resolveClientOptions(options);
    this.scope = options.scope ?? new RequestScope();
    this.url = `${this.options.target}/rpc`;
    this.limits = { ...this.options, scope: this.scope };
    this.secretHeaders = new Set(Object.keys(this.options.headers).map((k) => k.toLowerCase()));
  }

  /**
   * Abandons every request still in flight (each is recorded with HARNESS_ABORTED) and refuses
   * new ones; resolves once the abandoned ones are in the transcript. `reason` completes
   * "after …" in the refusal.
   */
  abort(reason = "the scenario ended"): Promise<void> {
    return this.scope.abandon(reason);
  }

  /** Sends a TL call at a layer. */
  call(call: Record<string, unknown>, request: CallRequest): Promise<Answer> {
    const method = typeof call._ === "string" ? call._ : "?";
    const wire = wrapCall(call, request.layer);
    return this.scope.track(this.send(JSON.stringify(wire), method, request));
  }

  /** Sends a body exactly as given (for the ERRORS scenarios: bad JSON, wrong types...). */
  callRaw(bodyText: string, method: string, request: CallRequest): Promise<Answer> {
    return this.scope.track(this.send(bodyText, method, request));
  }

  private headersFor(key: string | undefined): KeyHeaders {
    let headers = this.headersByKey.get(key);
    if (!headers) {
      const sent: Record<string, string> = { ...this.options.headers, "content-type": "application/json" };
      if (key !== undefined) sent.authorization = `Bearer ${key}`;
      headers = { sent, recorded: redactHeaders(sent, this.secretHeaders) };
      this.headersByKey.set(key, headers);
    }
    return headers;
  }

  // Bodies are recorded as text: no copy of a parsed value per call, and a hostile answer's
  // depth cannot hurt the transcript's serialization.
  private async send(text: string, method: string, request: CallRequest): Promise<Answer> {
    const headers = this.headersFor(request.key);
    const startedAt = new Date();
    const started = performance.now();
    let raw: RawAnswer | undefined;
    let answer: Answer | undefined;
    let failure: unknown;
    try {
      raw = await exchange(this.url, "POST", headers.sent, text, this.limits);
      answer = decode(raw, method, request.layer);
    } catch (error) {
      failure = error;
    }
    const entry: Omit<TranscriptEntry, "seq"> = {
      role: request.role,
      method,
      layer: request.layer,
      startedAt: startedAt.toISOString(),
      durationMs: performance.now() - started,
      request: { url: this.url, headers: headers.recorded, body: capText(text) },
    };
    if (raw) entry.response = recorded(raw);
    if (answer) {
      this.transcript.add(entry, raw?.bodyText);
      return answer;
    }
    const code =
      failure instanceof TargetError || failure instanceof HarnessError ? failure.code : "HARNESS_ERROR";
    const message = failure instanceof Error ? failure.message : String(failure);
    entry.error = { code, message };
    this.transcript.add(entry);
    throw failure;
  }
}
