// The server's whole state, wire-neutral: the store, the access_hash secret, the hooks, the phone
// policy and the limits. Each front end (HTTP today) keeps one and hands calls to dispatch.
import { AccessHashes } from "./access_hash.ts";
import { type CoreOptions, resolveCoreOptions } from "./core_options.ts";
import { type ServerHooks, withHooks } from "./hooks.ts";
import type { Limits } from "./limits.ts";
import type { PhonePolicy } from "./phone_policy.ts";
import { Store } from "./store/index.ts";

export interface ServerState {
  store: Store;
  hashes: AccessHashes;
  hooks: ServerHooks;
  phones: PhonePolicy;
  limits: Limits;
  debugValidateResponses: boolean;
}

export function createServerState(input?: CoreOptions): ServerState {
  const options = resolveCoreOptions(input);
  return {
    store: new Store(options.firstUserId, options.limits),
    hashes: new AccessHashes(options.accessHashScope),
    hooks: withHooks(options.hooks),
    phones: options.phones,
    limits: options.limits,
    debugValidateResponses: options.debugValidateResponses,
  };
}
