// What every handler gets: the server's state, and who is calling which method at which layer.
import type { Layer } from "../tl/index.ts";
import type { ServerState } from "./state.ts";

export interface CallContext {
  state: ServerState;
  layer: Layer;
  /** The method being called. */
  method: string;
  /** The session key of the request, if it sent a well-formed one. */
  key: string | undefined;
  /** The account bound to the key, if any. */
  accountId: number | undefined;
}
