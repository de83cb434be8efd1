// The reference server: the embedded default target and the model vendors read. A wire-neutral
// core (state, dispatch, limits, hooks) and its front ends: HTTP (startServer) and MTProto
// (startMtprotoServer, on the same ServerState when both run: startServer's `state` option).
export { VECTOR_LIMITS } from "./call_limits.ts";
export type { CoreOptions } from "./core_options.ts";
export { type CallOptions, dispatch, dispatchBody, type Outcome } from "./dispatch.ts";
export {
  type HttpOptions,
  type MtprotoOptions,
  type RunningMtprotoServer,
  type RunningServer,
  type ServerOptions,
  startMtprotoServer,
  startServer,
  TEST_RSA_PRIVATE_KEY_PATH,
  TEST_RSA_PUBLIC_KEY_PATH,
} from "./front_ends/index.ts";
export type {
  AfterCallContext,
  LinkChange,
  LinkDelivery,
  RefusalBody,
  RefusalContext,
  RevealContext,
  SendResultContext,
  ServerHooks,
} from "./hooks.ts";
export { SPEC_HOOKS } from "./hooks.ts";
export { LIMIT_NAMES, LIMITS, type LimitName, type Limits } from "./limits.ts";
export type { LinkState, UserKind } from "./links.ts";
export { type PhonePolicy, TEST_PHONES } from "./phone_policy.ts";
export { withLinks } from "./send_result.ts";
export { createServerState, type ServerState } from "./state.ts";
export type { TlObject } from "./tl_values.ts";
export { unwrapLayer } from "./unwrap_layer.ts";
