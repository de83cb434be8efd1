// The binding client on undici: layers, keys, extra headers, TLS, timeouts, size caps, the
// scenario's request scope, transcript.
export { type Answer, BindingClient, type CallRequest, decode, wrapCall } from "./binding_client.ts";
export {
  HarnessError,
  type HarnessErrorCode,
  InvalidOptionError,
  TargetError,
  type TargetErrorCode,
} from "./errors.ts";
export { type HealthOptions, waitForHealth } from "./health.ts";
export { closeAgents, type ExchangeLimits, exchange, type RawAnswer } from "./http_exchange.ts";
export type { ClientOptions, TlsOptions } from "./options.ts";
export {
  REDACTED,
  redactHeaders,
  redactUrlCredentials,
  scrubSecrets,
  withoutCredentials,
} from "./redact.ts";
export { RequestScope } from "./request_scope.ts";
export { guardStep, STALL_MARGIN_MS } from "./step_guard.ts";
export { capText, TRANSCRIPT_TEXT_CAP, Transcript } from "./transcript.ts";
