// The reference server: the embedded default target and the model vendors read.
export type { LinkChange, LinkDelivery, RevealContext, SendResultContext, ServerHooks } from "./hooks.ts";
export { SPEC_HOOKS } from "./hooks.ts";
export { type RunningServer, startServer } from "./http_server.ts";
export type { LinkState, UserKind } from "./links.ts";
export type { ServerOptions } from "./options.ts";
export { type PhonePolicy, TEST_PHONES } from "./phone_policy.ts";
export { withLinks } from "./send_result.ts";
export type { TlObject } from "./tl_values.ts";
