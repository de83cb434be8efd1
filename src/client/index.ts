// The binding client on undici: layers, keys, timeouts, size caps, transcript.
export { type Answer, BindingClient, type CallRequest, decode, wrapCall } from "./binding_client.ts";
export { InvalidOptionError, TargetError, type TargetErrorCode } from "./errors.ts";
export { waitForHealth } from "./health.ts";
export { closeAgents, exchange, type RawAnswer } from "./http_exchange.ts";
export type { ClientOptions } from "./options.ts";
export { REDACTED, redactHeaders, scrubSecrets } from "./redact.ts";
export { capText, TRANSCRIPT_TEXT_CAP, Transcript } from "./transcript.ts";
