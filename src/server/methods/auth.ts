// auth.sendCode / signUp / signIn on the binding's test numbers. A phone_code_hash is single-use,
// lapses, and belongs to the key that asked for it (store/pending_codes.ts).
import type { CallContext } from "../context.ts";
import { renderUser } from "../render.ts";
import { badRequest, RpcError } from "../rpc_error.ts";
import type { TlObject } from "../tl_values.ts";
import type { MethodTable } from "./handler.ts";
import { normalisePhone } from "./phone.ts";

const SESSION_LIFETIME_S = 365 * 24 * 3600;

/** The phone of a sign-up or sign-in whose code is right; the code is not used up yet. */
function checkCode(ctx: CallContext, call: TlObject): string {
  const phone = normalisePhone(call.phone_number);
  const code = ctx.state.phones.codeFor(phone);
  if (code === undefined) throw badRequest("PHONE_NUMBER_INVALID");
  const pending = ctx.state.store.codes.check(call.phone_code_hash, phone, ctx.key);
  if (pending === "expired") throw badRequest("PHONE_CODE_EXPIRED", "ask auth.sendCode for a new code");
  if (pending === "invalid" || call.phone_code !== code) throw badRequest("PHONE_CODE_INVALID");
  // Binding the key needs a key: a request without one has nothing to bind to.
  if (ctx.key === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  return phone;
}

function authorize(ctx: CallContext, call: TlObject, accountId: number): TlObject {
  const { store } = ctx.state;
  store.codes.take(call.phone_code_hash as string);
  store.bind(ctx.key as string, accountId);
  return {
    _: "auth.authorization",
    expires: Math.floor(Date.now() / 1000) + SESSION_LIFETIME_S,
    user: renderUser(ctx.state, accountId, accountId),
  };
}

function names(ctx: CallContext, call: TlObject): { firstName: string; lastName: string } {
  const max = ctx.state.limits.maxNameLength;
  const firstName = String(call.first_name).trim();
  if (firstName === "" || firstName.length > max) throw badRequest("FIRSTNAME_INVALID");
  const lastName = String(call.last_name);
  if (lastName.length > max) throw badRequest("LASTNAME_INVALID");
  return { firstName, lastName };
}

export const AUTH_METHODS: MethodTable = {
  "auth.sendCode": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = normalisePhone(call.phone_number);
      if (ctx.state.phones.codeFor(phone) === undefined) throw badRequest("PHONE_NUMBER_INVALID");
      const issued = ctx.state.store.codes.issue(phone, ctx.key);
      if ("waitS" in issued)
        throw new RpcError(420, `FLOOD_WAIT_${issued.waitS}`, "codes pending on that phone");
      return {
        _: "auth.sentCode",
        phone_registered: ctx.state.store.accountByPhone.has(phone),
        phone_code_hash: issued.hash,
      };
    },
  },
  "auth.signUp": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = checkCode(ctx, call);
      const { store } = ctx.state;
      if (store.accountByPhone.has(phone)) throw badRequest("PHONE_NUMBER_OCCUPIED");
      const { firstName, lastName } = names(ctx, call);
      const account = store.createAccount(phone, firstName, lastName);
      return authorize(ctx, call, account.id);
    },
  },
  "auth.signIn": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = checkCode(ctx, call);
      const account = ctx.state.store.accountByPhone.get(phone);
      if (!account) throw badRequest("PHONE_NUMBER_UNOCCUPIED");
      return authorize(ctx, call, account.id);
    },
  },
};
