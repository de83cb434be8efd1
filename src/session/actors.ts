// The accounts a scenario's users are: each a fresh sign-up on a fresh key, on a test number the
// target has not seen (docs/binding.md, "Sessions and accounts").
import { randomBytes, randomInt } from "node:crypto";
import type { Binding, BindingSession, CallOutcome } from "../bindings/index.ts";
import { TargetError } from "../client/index.ts";
import type { TlObject } from "./tl_json.ts";

/** A signed-up account, before a scenario gives it a name. */
export interface Account {
  id: number;
  phone: string;
  firstName: string;
  lastName: string;
  /** The binding session's credential (the key it is bound to). */
  credential: string;
}

export interface Actor extends Account {
  name: string;
  /** The binding session (key) the actor calls on; a sign-in on a new key replaces it. */
  session: BindingSession;
  /** The latest User object this actor got for each user id, from any answer. */
  views: Map<number, TlObject>;
}

/** How accounts are made: the binding's test numbers and code rule, and where to report answers. */
export interface SignUpContext {
  binding: Binding;
  /** Every answer of the sign-up passes through the session's automatic checks. */
  checked(session: BindingSession, viewer: string | undefined, call: TlObject): Promise<CallOutcome>;
  /** Makes a test number and the code that signs it in. */
  testNumber(): { phone: string; code: string };
}

const FIRST_NAMES: Record<string, string> = { A: "Alice", B: "Bob", C: "Carol", D: "Dave", E: "Erin" };
const MAX_PHONE_TRIES = 10;

/** The binding's rule: 99966XYYYY signs in with X five times. */
export function defaultTestNumber(): { phone: string; code: string } {
  const digit = randomInt(1, 10);
  return {
    phone: `99966${digit}${String(randomInt(0, 10_000)).padStart(4, "0")}`,
    code: String(digit).repeat(5),
  };
}

export class NoFreeNumberError extends Error {
  override name = "ScenarioError";
}

/** Numbers this process has tried, per target: two users of one run never draw the same one. */
const drawnByTarget = new Map<string, Set<string>>();

function freshNumber(context: SignUpContext): { phone: string; code: string } {
  let drawn = drawnByTarget.get(context.binding.target);
  if (!drawn) {
    drawn = new Set();
    drawnByTarget.set(context.binding.target, drawn);
  }
  for (let i = 0; i < 1000; i++) {
    const number = context.testNumber();
    if (!drawn.has(number.phone)) {
      drawn.add(number.phone);
      return number;
    }
  }
  throw new NoFreeNumberError("SCENARIO_ERROR: this process has used up the test numbers");
}

/** The result of a sign-up call; an rpc_error other than the ones `retry` names is the target's fault. */
async function result(
  context: SignUpContext,
  session: BindingSession,
  viewer: string | undefined,
  call: TlObject,
  retry: readonly string[] = [],
): Promise<TlObject | "retry"> {
  const outcome = await context.checked(session, viewer, call);
  if (!outcome.rpcError) return outcome.body as TlObject;
  if (retry.includes(outcome.rpcError.message)) return "retry";
  throw new TargetError(
    "TARGET_RPC_ERROR",
    `${call._} for ${String(call.phone_number)} was refused with ${outcome.rpcError.code} ${outcome.rpcError.message}`,
  );
}

// Another client (a parallel worker, another run against the same server) may take a number
// between our sendCode and our signUp: then the number is occupied or our code superseded.
const TAKEN_MEANWHILE = ["PHONE_NUMBER_OCCUPIED", "PHONE_CODE_INVALID", "PHONE_CODE_EXPIRED"];

/** The scenario user `name` on a fresh account. */
export async function signUp(context: SignUpContext, name: string): Promise<Actor> {
  const account = await createAccount(context, FIRST_NAMES[name] ?? `User ${name}`);
  return asActor(context.binding, account, name);
}

/** An account (signed up elsewhere, e.g. ahead of time) as the scenario's user `name`. */
export function asActor(binding: Binding, account: Account, name: string): Actor {
  return { ...account, name, session: binding.openSession(account.credential), views: new Map() };
}

/** A fresh account on a test number the target has not seen. */
export async function createAccount(context: SignUpContext, firstName: string): Promise<Account> {
  for (let attempt = 0; attempt < MAX_PHONE_TRIES; attempt++) {
    const { phone, code } = freshNumber(context);
    const session = context.binding.openSession();
    const sent = await result(context, session, undefined, {
      _: "auth.sendCode",
      phone_number: phone,
      sms_type: 0,
      api_id: 1,
      api_hash: "tl-conformance",
    });
    if (sent === "retry" || sent.phone_registered === true) continue;
    const lastName = `T${randomBytes(3).toString("hex")}`;
    const signed = await result(
      context,
      session,
      undefined,
      {
        _: "auth.signUp",
        phone_number: phone,
        phone_code_hash: sent.phone_code_hash,
        phone_code: code,
        first_name: firstName,
        last_name: lastName,
      },
      TAKEN_MEANWHILE,
    );
    if (signed === "retry") continue;
    const user = signed.user as TlObject;
    return { id: user.id as number, phone, firstName, lastName, credential: session.credential };
  }
  throw new NoFreeNumberError(
    `SCENARIO_ERROR: no free test number after ${MAX_PHONE_TRIES} tries: every one was phone_registered`,
  );
}

/** The same account signed in on a new key (sendCode, then signIn): the old key is left alone. */
export async function signInAgain(
  context: SignUpContext,
  actor: Actor,
  code: string,
): Promise<BindingSession> {
  const session = context.binding.openSession();
  const sent = await result(context, session, undefined, {
    _: "auth.sendCode",
    phone_number: actor.phone,
    sms_type: 0,
    api_id: 1,
    api_hash: "tl-conformance",
  });
  await result(context, session, actor.name, {
    _: "auth.signIn",
    phone_number: actor.phone,
    phone_code_hash: (sent as TlObject).phone_code_hash,
    phone_code: code,
  });
  return session;
}

/** Forgets the numbers drawn so far (at the end of a run: a later run may meet a fresh server at the same address). */
export function forgetDrawnNumbers(): void {
  drawnByTarget.clear();
}
