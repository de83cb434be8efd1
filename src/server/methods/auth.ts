// auth.sendCode / signUp / signIn on the binding's test numbers.
import { randomBytes } from "node:crypto";
import type { CallContext } from "../context.ts";
import { renderUser } from "../render.ts";
import { badRequest, RpcError } from "../rpc_error.ts";
import type { TlObject } from "../tl_values.ts";
import type { MethodTable } from "./handler.ts";

const SESSION_LIFETIME_S = 365 * 24 * 3600;

function normalisePhone(raw: unknown): string {
  return String(raw).replace(/[\s+()-]/g, "");
}

function checkCode(ctx: CallContext, call: TlObject): string {
  const phone = normalisePhone(call.phone_number);
  const code = ctx.world.phones.codeFor(phone);
  if (code === undefined) throw badRequest("PHONE_NUMBER_INVALID");
  if (ctx.world.store.codeHashes.get(phone) !== call.phone_code_hash || call.phone_code !== code) {
    throw badRequest("PHONE_CODE_INVALID");
  }
  // Binding the key needs a key: a request without one has nothing to bind to.
  if (ctx.key === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  return phone;
}

function authorize(ctx: CallContext, accountId: number): TlObject {
  ctx.world.store.sessions.set(ctx.key as string, accountId);
  return {
    _: "auth.authorization",
    expires: Math.floor(Date.now() / 1000) + SESSION_LIFETIME_S,
    user: renderUser(ctx.world, accountId, accountId),
  };
}

export const AUTH_METHODS: MethodTable = {
  "auth.sendCode": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = normalisePhone(call.phone_number);
      if (ctx.world.phones.codeFor(phone) === undefined) throw badRequest("PHONE_NUMBER_INVALID");
      const hash = randomBytes(8).toString("hex");
      ctx.world.store.codeHashes.set(phone, hash);
      return {
        _: "auth.sentCode",
        phone_registered: ctx.world.store.accountByPhone.has(phone),
        phone_code_hash: hash,
      };
    },
  },
  "auth.signUp": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = checkCode(ctx, call);
      const { store } = ctx.world;
      if (store.accountByPhone.has(phone)) throw badRequest("PHONE_NUMBER_OCCUPIED");
      const firstName = String(call.first_name).trim();
      if (firstName === "") throw badRequest("FIRSTNAME_INVALID");
      const account = {
        id: store.nextUserId++,
        phone,
        firstName,
        lastName: String(call.last_name),
        contacts: new Set<number>(),
      };
      store.accounts.set(account.id, account);
      store.accountByPhone.set(phone, account);
      return authorize(ctx, account.id);
    },
  },
  "auth.signIn": {
    needsAccount: false,
    handle(ctx, call) {
      const phone = checkCode(ctx, call);
      const account = ctx.world.store.accountByPhone.get(phone);
      if (!account) throw badRequest("PHONE_NUMBER_UNOCCUPIED");
      return authorize(ctx, account.id);
    },
  },
};
