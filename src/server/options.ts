// startServer's options, checked one by one at the boundary; defaults applied after the checks.
import type { AccessHashScope } from "./access_hash.ts";
import type { ServerHooks } from "./hooks.ts";
import { type PhonePolicy, TEST_PHONES } from "./phone_policy.ts";

export interface ServerOptions {
  /** Interface to listen on; default 127.0.0.1 (the server is for tests, never exposed). */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Largest request body accepted; default 1 MiB. Larger bodies get 413. */
  bodyLimitBytes?: number;
  /** Validate every response against the declared layer's schema; a violation answers 500. */
  debugValidateResponses?: boolean;
  /** Replaces spec behaviour for mutant servers (see hooks.ts). */
  hooks?: Partial<ServerHooks>;
  phones?: PhonePolicy;
  /** First user id handed out; default 1000 + a random offset so ids differ between runs. */
  firstUserId?: number;
  /**
   * Scope of access_hash values, a choice the binding leaves to servers: "viewer" (default), one
   * per (viewer, user) pair; "user", one per user, the same for every viewer.
   */
  accessHashScope?: AccessHashScope;
  /** Called once per request, for logs. */
  onRequest?: (line: string) => void;
}

export type ResolvedOptions = Required<Omit<ServerOptions, "onRequest" | "hooks">> &
  Pick<ServerOptions, "onRequest" | "hooks">;

function check(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(message);
}

export function resolveOptions(options: ServerOptions = {}): ResolvedOptions {
  const { host, port, bodyLimitBytes, debugValidateResponses, firstUserId, accessHashScope } = options;
  check(host === undefined || (typeof host === "string" && host !== ""), "host must be a non-empty string");
  check(
    port === undefined || (Number.isInteger(port) && port >= 0 && port <= 65535),
    "port must be an integer from 0 to 65535",
  );
  check(
    bodyLimitBytes === undefined || (Number.isInteger(bodyLimitBytes) && bodyLimitBytes > 0),
    "bodyLimitBytes must be a positive integer",
  );
  check(
    debugValidateResponses === undefined || typeof debugValidateResponses === "boolean",
    "debugValidateResponses must be a boolean",
  );
  check(
    firstUserId === undefined || (Number.isInteger(firstUserId) && firstUserId > 0 && firstUserId < 2 ** 30),
    "firstUserId must be a positive integer below 2^30",
  );
  check(
    accessHashScope === undefined || accessHashScope === "viewer" || accessHashScope === "user",
    'accessHashScope must be "viewer" or "user"',
  );
  check(
    options.onRequest === undefined || typeof options.onRequest === "function",
    "onRequest must be a function",
  );
  return {
    host: host ?? "127.0.0.1",
    port: port ?? 0,
    bodyLimitBytes: bodyLimitBytes ?? 1024 * 1024,
    debugValidateResponses: debugValidateResponses ?? false,
    phones: options.phones ?? TEST_PHONES,
    firstUserId: firstUserId ?? 1000 + Math.floor(Math.random() * 1_000_000),
    accessHashScope: accessHashScope ?? "viewer",
    hooks: options.hooks,
    onRequest: options.onRequest,
  };
}
