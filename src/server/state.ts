// The server's whole state, wire-neutral: the store, the access_hash secret, the hooks, the phone
// policy and the limits. Each front end (HTTP today) keeps one and hands calls to dispatch.
import { AccessHashes } from "./access_hash.ts";
import { type CoreOptions, resolveCoreOptions } from "./core_options.ts";
import { type ServerHooks, withHooks } from "./hooks.ts";
import type { Limits } from "./limits.ts";
import type { PhonePolicy } from "./phone_policy.ts";
import { Store } from "./store/index.ts";

/** What hooks may read and change of the relations, made once (not per call). */
export interface Relations {
  reveal(viewer: number, owner: number): void;
  forget(viewer: number, owner: number): void;
  hasContact(owner: number, other: number): boolean;
}

export interface ServerState {
  store: Store;
  relations: Relations;
  hashes: AccessHashes;
  hooks: ServerHooks;
  phones: PhonePolicy;
  limits: Limits;
  debugValidateResponses: boolean;
}

export function createServerState(input?: CoreOptions): ServerState {
  const options = resolveCoreOptions(input);
  const store = new Store(options.firstUserId, options.limits);
  return {
    store,
    relations: {
      reveal: (viewer, owner) => store.reveal(viewer, owner),
      forget: (viewer, owner) => store.forget(viewer, owner),
      hasContact: (owner, other) => store.hasContact(owner, other),
    },
    hashes: new AccessHashes(options.accessHashScope),
    hooks: withHooks(options.hooks),
    phones: options.phones,
    limits: options.limits,
    debugValidateResponses: options.debugValidateResponses,
  };
}
