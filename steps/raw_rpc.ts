// ERRORS: requests written in the feature or built wrong on purpose, their rpc_error, and proof
// that a rejected request changed nothing any user of the scenario can see.
import { Given, Then, When } from "@cucumber/cucumber";
import { wrapCall } from "../src/client/index.ts";
import {
  addressingCall,
  type BadInput,
  type ConformanceSession,
  check,
  RequirementFailure,
  randomLong,
  ScenarioError,
  snapshotState,
} from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";
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
  session: ConformanceSession,
  caller: string | undefined,
  template: string,
  layer: Layer,
) {
  const text = await fillTemplate(session, caller, template);
  let call: Record<string, unknown>;
  try {
    call = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ScenarioError(`the request in the feature is not JSON: ${text.slice(0, 80)}`);
  }
  return { bodyText: JSON.stringify(wrapCall(call, layer)), method: methodOf(text) };
}

async function attempt(
  world: ConformanceWorld,
  caller: string | undefined,
  request: Parameters<ConformanceSession["attempt"]>[1],
  layer: Layer,
  keyless?: "no key" | "fresh key",
): Promise<void> {
  const method = "call" in request ? request.call._ : request.method;
  try {
    world.pendingError = { outcome: await world.session.attempt(caller, request, layer, keyless), method };
  } catch (error) {
    // Here the target is being tested on bad input: an answer that is no rpc_error at all
    // (an HTML page, a reset) is its failure to follow the binding's error table.
    if (!(error instanceof Error) || error.name !== "TargetError") throw error;
    throw new RequirementFailure("ERRORS", {
      subject: `the answer to a bad ${method} request`,
      expected: "an rpc_error as TL-JSON, with the HTTP status equal to its error_code",
      actual: error.message,
    });
  }
}

When("{role} sends this raw body:", async function (this: ConformanceWorld, caller: string, body: string) {
  const bodyText = await fillTemplate(this.session, caller, body);
  await attempt(this, caller, { bodyText, method: methodOf(bodyText) }, 1);
});

When(
  "{role} sends this request at layer {layer}:",
  async function (this: ConformanceWorld, caller: string, layer: Layer, body: string) {
    await attempt(this, caller, await prepared(this.session, caller, body, layer), layer);
  },
);

When("a client without a key sends this request:", async function (this: ConformanceWorld, body: string) {
  await attempt(this, undefined, await prepared(this.session, undefined, body, 1), 1, "no key");
});

When(
  "a client with an unregistered key sends this request:",
  async function (this: ConformanceWorld, body: string) {
    await attempt(this, undefined, await prepared(this.session, undefined, body, 1), 1, "fresh key");
  },
);

Given("{role} has a note to itself", async function (this: ConformanceWorld, name: string) {
  const self = await this.session.actor(name);
  const sent = await this.session.rpc(name, {
    _: "messages.sendMessage",
    peer: this.session.peer(self, self),
    message: "a note",
    random_id: randomLong(),
  });
  this.notes.set(name, sent.id as number);
});

When(
  "{role} calls {addressing_method} at layer {layer} naming {role} by {bad_input}",
  async function (
    this: ConformanceWorld,
    caller: string,
    method: string,
    layer: Layer,
    named: string,
    input: BadInput,
  ) {
    const note = this.notes.get(caller);
    if (note === undefined)
      throw new ScenarioError(`${caller} has no note to forward: add "${caller} has a note to itself"`);
    await attempt(
      this,
      caller,
      { call: await addressingCall(this.session, caller, method, named, input, note) },
      layer,
    );
  },
);

function expectError(world: ConformanceWorld, status: number, messages: string[]): void {
  const pending = world.pendingError;
  if (!pending) throw new ScenarioError("no request was sent to check");
  world.pendingError = undefined;
  const got = pending.outcome.rpcError;
  check(got !== undefined && got.code === status && messages.includes(got.message), "ERRORS", {
    subject: `the answer to ${pending.method}`,
    expected: `rpc_error ${status} ${messages.join(" or ")}`,
    actual: got
      ? `rpc_error ${got.code} ${got.message}`
      : `a result (${String((pending.outcome.body as { _?: unknown })?._)})`,
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

Given("the state of every user is noted", async function (this: ConformanceWorld) {
  this.noted = await snapshotState(this.session);
});

Then("the state of every user is unchanged", async function (this: ConformanceWorld) {
  const before = this.noted;
  if (before === undefined) throw new ScenarioError("the state was not noted before the request");
  let after: string;
  try {
    after = await snapshotState(this.session);
  } catch (error) {
    // A check that fails while reading the state back (a phone shown, a view wrong) is what the
    // rejected request changed: the failure belongs to ERRORS.
    if (!(error instanceof RequirementFailure)) throw error;
    throw new RequirementFailure("ERRORS", {
      subject: "the state of every user after the rejected request",
      expected: "unchanged",
      actual: `changed: ${error.message.split("\n", 1)[0]}`,
    });
  }
  check(after === before, "ERRORS", {
    subject: "the state of every user after the rejected request",
    expected: `unchanged: ${before}`,
    actual: after,
  });
});
