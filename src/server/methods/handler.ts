// The shape of a method handler and its registration.
import type { CallContext } from "../context.ts";
import type { TlObject } from "../tl_values.ts";

export interface MethodHandler {
  /** False for the calls that work on a key with no account (auth.*). */
  needsAccount: boolean;
  handle(ctx: CallContext, call: TlObject): TlObject | TlObject[] | boolean;
}

export type MethodTable = Record<string, MethodHandler>;

export function accountOf(ctx: CallContext): number {
  if (ctx.accountId === undefined) throw new Error("dispatch checks needsAccount before calling");
  return ctx.accountId;
}
