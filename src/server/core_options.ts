// The options of the wire-neutral core, checked one by one; defaults applied after the checks.
// The front ends add their own (the HTTP one: host, port, body size, timeouts).
import type { AccessHashScope } from "./access_hash.ts";
import { checkOption } from "./check_option.ts";
import type { ServerHooks } from "./hooks.ts";
import { type Limits, resolveLimits } from "./limits.ts";
import { type PhonePolicy, TEST_PHONES } from "./phone_policy.ts";

export interface CoreOptions extends Partial<Limits> {
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
}

export interface ResolvedCoreOptions {
  debugValidateResponses: boolean;
  hooks: Partial<ServerHooks> | undefined;
  phones: PhonePolicy;
  firstUserId: number;
  accessHashScope: AccessHashScope;
  limits: Limits;
}

export function resolveCoreOptions(options: CoreOptions = {}): ResolvedCoreOptions {
  const { debugValidateResponses, firstUserId, accessHashScope, phones, hooks } = options;
  checkOption(
    debugValidateResponses === undefined || typeof debugValidateResponses === "boolean",
    "debugValidateResponses must be a boolean",
  );
  checkOption(
    firstUserId === undefined || (Number.isInteger(firstUserId) && firstUserId > 0 && firstUserId < 2 ** 30),
    "firstUserId must be a positive integer below 2^30",
  );
  checkOption(
    accessHashScope === undefined || accessHashScope === "viewer" || accessHashScope === "user",
    'accessHashScope must be "viewer" or "user"',
  );
  checkOption(
    phones === undefined || typeof phones?.codeFor === "function",
    "phones must have codeFor(phone)",
  );
  checkOption(
    hooks === undefined || (typeof hooks === "object" && hooks !== null),
    "hooks must be an object",
  );
  return {
    debugValidateResponses: debugValidateResponses ?? false,
    hooks,
    phones: phones ?? TEST_PHONES,
    firstUserId: firstUserId ?? 1000 + Math.floor(Math.random() * 1_000_000),
    accessHashScope: accessHashScope ?? "viewer",
    limits: resolveLimits(options),
  };
}
