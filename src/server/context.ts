// What every handler gets: the store, the hooks, and who is calling at which layer.
import type { Layer } from "../tl/index.ts";
import type { AccessHashes } from "./access_hash.ts";
import type { ServerHooks } from "./hooks.ts";
import type { PhonePolicy } from "./phone_policy.ts";
import type { Store } from "./store.ts";

export interface World {
  store: Store;
  hashes: AccessHashes;
  hooks: ServerHooks;
  phones: PhonePolicy;
}

export interface CallContext {
  world: World;
  layer: Layer;
  /** The bearer key of the request, if it sent a well-formed one. */
  key: string | undefined;
  /** The account bound to the key, if any. */
  accountId: number | undefined;
}
