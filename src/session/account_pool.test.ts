// The account pool: accounts ahead, never handed out twice, bounded sign-ups in flight, and a
// failed sign-up reaching the scenario that takes it.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Binding, BindingSession, CallOutcome } from "../bindings/index.ts";
import { Transcript } from "../client/index.ts";
import { AccountPool, accountPool, releaseAccountPools } from "./account_pool.ts";

/** A fake target that signs up anyone, counting sign-ups in flight. */
function fakeBinding(fail = false): Binding & { peak: number } {
  let next = 1;
  let inFlight = 0;
  const state = { peak: 0 };
  const answer = (body: unknown): CallOutcome => ({ body, bodyText: JSON.stringify(body), metaText: "" });
  const open = (credential = `k${next}`): BindingSession => ({
    credential,
    async call(call) {
      inFlight += 1;
      state.peak = Math.max(state.peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      if (call._ === "auth.sendCode")
        return answer({ _: "auth.sentCode", phone_registered: false, phone_code_hash: "h" });
      if (fail)
        return {
          ...answer({ _: "rpc_error", error_code: 500, error_message: "INTERNAL" }),
          rpcError: { code: 500, message: "INTERNAL" },
        };
      const id = next++;
      return answer({
        _: "auth.authorization",
        expires: 1,
        user: {
          _: "userSelf",
          id,
          first_name: "User",
          last_name: "x",
          phone: String(call.phone_number),
          photo: { _: "userProfilePhotoEmpty" },
          status: { _: "userStatusEmpty" },
          inactive: false,
        },
      });
    },
  });
  return Object.assign(state, {
    wire: "http-json" as const,
    target: `fake-${Math.random()}`,
    openSession: open,
  });
}

test("keeps accounts ahead, never hands one out twice, and bounds the sign-ups in flight", async () => {
  const binding = fakeBinding();
  const pool = new AccountPool(() => ({ binding, transcript: new Transcript() }), {
    ahead: 6,
    concurrency: 2,
  });
  const taken = await Promise.all(Array.from({ length: 10 }, () => pool.take()));
  assert.equal(new Set(taken.map((a) => a.id)).size, 10);
  assert.equal(new Set(taken.map((a) => a.phone)).size, 10);
  assert.ok(binding.peak <= 2, `at most 2 calls in flight, saw ${binding.peak}`);
});

test("a sign-up the target refuses fails the scenario that takes the account", async () => {
  const binding = fakeBinding(true);
  const pool = new AccountPool(() => ({ binding, transcript: new Transcript() }), {
    ahead: 1,
    concurrency: 1,
  });
  await assert.rejects(pool.take(), /TARGET_RPC_ERROR/);
});

test("a pool ends with its run: the next run at the same address gets a fresh one", () => {
  const binding = fakeBinding();
  const make = () => ({ binding, transcript: new Transcript() });
  const first = accountPool("http://127.0.0.1:5000", make);
  assert.equal(accountPool("http://127.0.0.1:5000", make), first);
  releaseAccountPools();
  assert.notEqual(accountPool("http://127.0.0.1:5000", make), first);
});
