// ERRORS: raw requests, their rpc_error, and proof that a rejected request changed nothing.
import { randomBytes } from "node:crypto";
import { Given, Then, When } from "@cucumber/cucumber";
import { wrapCall } from "../src/client/index.ts";
import type { Layer } from "../src/tl/index.ts";
import { check, RequirementFailure, ScenarioError } from "../support/failure.ts";
import type { Role } from "../support/spec_oracle.ts";
import { snapshotState } from "../support/state_snapshot.ts";
import { fillTemplate } from "../support/templates.ts";
import type { ConformanceWorld } from "../support/world.ts";

function methodOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { _?: unknown; query?: { _?: unknown } };
    const inner = typeof parsed.query?._ === "string" ? parsed.query._ : parsed._;
    return typeof inner === "string" ? inner : "?";
  } catch {
    return "?";
  }
}

/** The body sent for a request written in a feature: filled in, then wrapped in its layer. */
async function prepared(
  world: ConformanceWorld,
  caller: Role | undefined,
  template: string,
  layer: Layer,
): Promise<string> {
  const text = await fillTemplate(world, caller, template);
  let call: Record<string, unknown>;
  try {
    call = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ScenarioError(`the request in the feature is not JSON: ${text.slice(0, 80)}`);
  }
  return JSON.stringify(wrapCall(call, layer));
}

When("{role} sends this raw body:", async function (this: ConformanceWorld, caller: Role, body: string) {
  const text = await fillTemplate(this, caller, body);
  await this.attempt(caller, text, methodOf(text), { layer: 1 });
});

When(
  "{role} sends this request at layer {layer}:",
  async function (this: ConformanceWorld, caller: Role, layer: Layer, body: string) {
    const text = await prepared(this, caller, body, layer);
    await this.attempt(caller, text, methodOf(text), { layer });
  },
);

When("a client without a key sends this request:", async function (this: ConformanceWorld, body: string) {
  const text = await prepared(this, undefined, body, 1);
  await this.attempt(undefined, text, methodOf(text), { key: null, layer: 1 });
});

When(
  "a client with an unregistered key sends this request:",
  async function (this: ConformanceWorld, body: string) {
    const text = await prepared(this, undefined, body, 1);
    await this.attempt(undefined, text, methodOf(text), { key: randomBytes(32).toString("hex"), layer: 1 });
  },
);

function expectError(world: ConformanceWorld, status: number, messages: string[]): void {
  const pending = world.pendingError;
  if (!pending) throw new ScenarioError("no request was sent to check");
  world.pendingError = undefined;
  const got = pending.answer.rpcError;
  check(got !== undefined && got.code === status && messages.includes(got.message), "ERRORS", {
    subject: `the answer to ${pending.method}`,
    expected: `rpc_error ${status} ${messages.join(" or ")} (HTTP ${status})`,
    actual: got
      ? `rpc_error ${got.code} ${got.message}`
      : `a result (${String((pending.answer.body as { _?: unknown })?._)})`,
    pointer: "",
  });
}

Then(
  "the answer is rpc_error {int} {word}",
  function (this: ConformanceWorld, status: number, message: string) {
    expectError(this, status, [message]);
  },
);

Then(
  "the answer is rpc_error {int} {word} or {word}",
  function (this: ConformanceWorld, status: number, a: string, b: string) {
    expectError(this, status, [a, b]);
  },
);

Then(
  "the answer is rpc_error {int} or {int} {word}",
  function (this: ConformanceWorld, s1: number, s2: number, message: string) {
    const got = this.pendingError?.answer.rpcError?.code;
    expectError(this, got === s2 ? s2 : s1, [message]);
  },
);

Given("{role}'s state is noted", async function (this: ConformanceWorld, role: Role) {
  this.noted ??= new Map();
  this.noted.set(role, await snapshotState(this, role));
});

Then("{role}'s state is unchanged", async function (this: ConformanceWorld, role: Role) {
  const before = this.noted?.get(role);
  if (before === undefined) throw new ScenarioError(`${role}'s state was not noted before the request`);
  let after: string;
  try {
    after = await snapshotState(this, role);
  } catch (error) {
    // A phone the caller may not see, found while reading its state back, is what the rejected
    // request changed: the failure belongs to ERRORS.
    if (!(error instanceof RequirementFailure) || error.requirementId !== "PRIVACY") throw error;
    throw new RequirementFailure("ERRORS", {
      subject: `${role}'s state after the rejected request`,
      expected: `unchanged: ${before}`,
      actual: `changed: ${error.message.split("\n", 1)[0]}`,
    });
  }
  check(after === before, "ERRORS", {
    subject: `${role}'s state after the rejected request`,
    expected: `unchanged: ${before}`,
    actual: after,
  });
});
