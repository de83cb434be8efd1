// What all connections of one MTProto front end share: the core's state, the RSA key, the auth
// keys, the server msg_id clock, the open connections and the key exchange budget.
import { layerCodec } from "../../../tl/index.ts";
import type { ServerState } from "../../state.ts";
import { type AuthKey, AuthKeyStore } from "./auth_keys.ts";
import type { Connection } from "./connection.ts";
import { ServerMsgIds } from "./msg_ids.ts";
import type { ResolvedMtprotoOptions } from "./mtproto_options.ts";
import { loadRsaKey, type ServerRsaKey } from "./rsa.ts";

export class FrontEnd {
  readonly codec = layerCodec(1);
  readonly rsa: ServerRsaKey;
  readonly keys: AuthKeyStore;
  readonly msgIds = new ServerMsgIds();
  readonly connections = new Set<Connection>();
  private budgetSecond = 0;
  private budgetUsed = 0;

  constructor(
    readonly state: ServerState,
    readonly options: ResolvedMtprotoOptions,
  ) {
    this.rsa = loadRsaKey(options.rsaPrivateKeyPem);
    this.keys = new AuthKeyStore(options.maxAuthKeys, options.maxSessionsPerKey, options.saltPeriodSeconds);
  }

  forget(connection: Connection): void {
    this.connections.delete(connection);
  }

  /** One key exchange from the per-second budget; false when it is spent (the caller answers -429). */
  takeKeyExchange(nowMs = Date.now()): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.budgetSecond) {
      this.budgetSecond = second;
      this.budgetUsed = 0;
    }
    this.budgetUsed += 1;
    return this.budgetUsed <= this.options.maxKeyExchangesPerSecond;
  }

  /** The salt the server puts in its messages and hands out: the current period's. */
  currentSalt(key: AuthKey, nowMs = Date.now()): Buffer {
    return this.keys.saltOf(key, this.keys.period(nowMs / 1000));
  }

  internalError(error: unknown): void {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`reference server (mtproto): ${text}\n`);
  }
}
