// ERRORS: requests written in the feature or built wrong on purpose, their rpc_error, and proof
// that a rejected request changed nothing any user of the scenario can see.
import { Given, Then, When } from "@cucumber/cucumber";
import { wrapCall } from "../src/client/index.ts";
import {
  addressingCall,
  type BadInput,
  type BinaryFault,
  binaryCallAtLayer,
  binaryImport,
  type ConformanceSession,
  callWithFields,
  expectStateUnchanged,
  fillPlaceholders,
  needsNote,
  randomLong,
  ScenarioError,
  sendJudgedLater,
  snapshotState,
  writeNote,
} from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";
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
  const text = await fillPlaceholders(session, caller, template);
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
  await judgedLater(world, caller, method, layer, () =>
    world.session.attempt(caller, request, layer, keyless),
  );
}

/** Sends a request a Then step will judge, keeping its answer for that step. */
async function judgedLater(
  world: ConformanceWorld,
  caller: string | undefined,
  method: string,
  layer: Layer,
  send: () => ReturnType<ConformanceSession["attempt"]>,
): Promise<void> {
  const outcome = await sendJudgedLater(world.session, caller, method, layer, send);
  world.pendingError = { outcome, method };
}

/**
 * The doc string as the request body, as written (placeholders filled in): for bodies that are not valid calls. Needs the TL-JSON wire.
 * @example When A sends this raw body:
 */
When("{role} sends this raw body:", async function (this: ConformanceWorld, caller: string, body: string) {
  const bodyText = await fillPlaceholders(this.session, caller, body);
  await attempt(this, caller, { bodyText, method: methodOf(bodyText) }, 1);
});

/**
 * The doc string as a call, wrapped in the layer but otherwise sent as written (placeholders filled in). Needs the TL-JSON wire.
 * @example When A sends this request at layer 1:
 */
When(
  "{role} sends this request at layer {layer}:",
  async function (this: ConformanceWorld, caller: string, layer: Layer, body: string) {
    await attempt(this, caller, await prepared(this.session, caller, body, layer), layer);
  },
);

/**
 * contacts.importContacts of the other user's number as bytes, written wrong in one way (src/session/binary_faults.ts). Needs the MTProto wire.
 * @example When A sends contacts.importContacts of B's number in bytes with its last 4 bytes cut off
 */
When(
  "{role} sends contacts.importContacts of {role}'s number in bytes with {binary_fault}",
  async function (this: ConformanceWorld, caller: string, owner: string, fault: BinaryFault) {
    const phone = (await this.session.actor(owner)).phone;
    const written = binaryImport(fault, phone);
    await judgedLater(this, caller, written.method, 1, () => this.session.attemptBytes(caller, written));
  },
);

/**
 * The doc string sent with no key at all.
 * @example When a client without a key sends this request:
 */
When("a client without a key sends this request:", async function (this: ConformanceWorld, body: string) {
  await attempt(this, undefined, await prepared(this.session, undefined, body, 1), 1, "no key");
});

/**
 * The call with the fields in the doc string (JSON, placeholders filled in), on a fresh key bound to no account. Either wire.
 * @example When a client with an unregistered key calls contacts.getContacts at layer 1 with:
 */
When(
  "a client with an unregistered key calls {method} at layer {layer} with:",
  async function (this: ConformanceWorld, method: string, layer: Layer, fields: string) {
    const call = await callWithFields(this.session, undefined, method, fields);
    await attempt(this, undefined, { call }, layer, "fresh key");
  },
);

/**
 * messages.forwardMessage (a layer-3 method) of a note in bytes, declared at a layer that lacks it: bare at layer 1, in invokeWithLayer2 at layer 2. Needs the MTProto wire.
 * @example When A sends messages.forwardMessage in bytes at layer 1
 */
When(
  "{role} sends messages.forwardMessage in bytes at layer {layer}",
  async function (this: ConformanceWorld, caller: string, layer: Layer) {
    const written = binaryCallAtLayer(
      { _: "messages.forwardMessage", peer: { _: "inputPeerSelf" }, id: 1, random_id: randomLong() },
      layer,
    );
    await judgedLater(this, caller, written.method, layer, () =>
      this.session.attemptBytes(caller, written, layer),
    );
  },
);

/**
 * The user sends itself a message, for the forwards of the addressing scenarios.
 * @example Given A has a note to itself
 */
Given("{role} has a note to itself", async function (this: ConformanceWorld, name: string) {
  this.notes.set(name, await writeNote(this.session, name));
});

/**
 * A call naming the other user in a way the caller may not use; a Then step judges the answer.
 * @example When A calls users.getUsers at layer 1 naming B by inputUserContact
 */
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
    if (note === undefined && needsNote(method))
      throw new ScenarioError(`${caller} has no note to forward: add "${caller} has a note to itself"`);
    await attempt(
      this,
      caller,
      { call: await addressingCall(this.session, caller, method, named, input, note ?? 0) },
      layer,
    );
  },
);

/**
 * Every user's contacts, update stream, dialogs, views and links, for a later comparison.
 * @example Given the state of every user is noted
 */
Given("the state of every user is noted", async function (this: ConformanceWorld) {
  this.noted = await snapshotState(this.session);
});

/**
 * ERRORS: the state noted before is the state now.
 * @example Then the state of every user is unchanged
 */
Then("the state of every user is unchanged", async function (this: ConformanceWorld) {
  const before = this.noted;
  if (before === undefined) throw new ScenarioError("the state was not noted before the request");
  await expectStateUnchanged(this.session, before);
});
