// Generic steps: a call of any method at any layer, and checks of what its answer holds, so a new
// requirement needs no code. The answer gets every automatic check; a generic check fails as the
// requirement the scenario is tagged with first (src/session/generic_call.ts, answer_checks.ts).
import { Then, When } from "@cucumber/cucumber";
import {
  expectConstructor,
  expectRpcError,
  expectUserAt,
  expectValidAt,
  expectValueAt,
  genericCall,
  ScenarioError,
} from "../src/session/index.ts";
import type { Layer } from "../src/tl/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

/** The answer has been judged: an rpc_error in it is no longer pending (support/hooks.ts). */
function judged(world: ConformanceWorld): void {
  world.pendingError = undefined;
}

async function call(world: ConformanceWorld, caller: string, method: string, layer: Layer, fields?: string) {
  const answer = await genericCall(world.session, caller, method, layer, fields);
  world.pendingError = { outcome: answer.outcome, method };
}

/**
 * A call with no fields, at a declared layer; a later Then step judges its answer.
 * @example When A calls updates.getState at layer 1
 */
When(
  "{role} calls {method} at layer {layer}",
  async function (this: ConformanceWorld, caller: string, method: string, layer: Layer) {
    await call(this, caller, method, layer);
  },
);

/**
 * A call with the fields in the doc string (JSON, placeholders such as {B.id} or {B.access_hash} filled in).
 * @example When A calls contacts.getContacts at layer 1 with:
 */
When(
  "{role} calls {method} at layer {layer} with:",
  async function (this: ConformanceWorld, caller: string, method: string, layer: Layer, fields: string) {
    await call(this, caller, method, layer, fields);
  },
);

/**
 * The latest answer is an object of this constructor (a result or rpc_error).
 * @example Then the answer is contacts.contacts
 */
Then("the answer is {tl_constructor}", function (this: ConformanceWorld, name: string) {
  judged(this);
  expectConstructor(this.session, name);
});

/**
 * The value at a JSON pointer of the latest answer equals the JSON given (placeholders filled in).
 * @example Then the answer's /contacts/0/user_id is {B.id}
 */
Then(
  "the answer's {json_pointer} is {json}",
  async function (this: ConformanceWorld, pointer: string, value: string) {
    judged(this);
    await expectValueAt(this.session, pointer, value);
  },
);

/**
 * The value at a JSON pointer of the latest answer is that user's User object of that constructor, with its phone.
 * @example Then the answer's /users/0 is B as userContact with B's phone
 */
Then(
  "the answer's {json_pointer} is {role} as {user_kind} with {role}'s phone",
  function (this: ConformanceWorld, pointer: string, owner: string, kind: string, phoneOwner: string) {
    if (phoneOwner !== owner)
      throw new ScenarioError(`"${owner} … with ${phoneOwner}'s phone" names two users`);
    judged(this);
    expectUserAt(this.session, pointer, owner, kind, true);
  },
);

/**
 * The value at a JSON pointer of the latest answer is that user's User object of that constructor, with no phone.
 * @example Then the answer's /users/0 is B as userForeign without a phone
 */
Then(
  "the answer's {json_pointer} is {role} as {user_kind} without a phone",
  function (this: ConformanceWorld, pointer: string, owner: string, kind: string) {
    judged(this);
    expectUserAt(this.session, pointer, owner, kind, false);
  },
);

/**
 * The latest answer validates against the schema of this layer (beyond the declared layer's, which every answer is checked against).
 * @example Then the answer is valid at layer 1
 */
Then("the answer is valid at layer {layer}", function (this: ConformanceWorld, layer: Layer) {
  judged(this);
  expectValidAt(this.session, layer);
});

/**
 * The latest answer is an rpc_error with this code (the HTTP status too) and message.
 * @example Then the answer is rpc_error 400 INPUT_REQUEST_INVALID
 */
Then(
  "the answer is rpc_error {int} {word}",
  function (this: ConformanceWorld, status: number, message: string) {
    judged(this);
    expectRpcError(this.session, status, [message]);
  },
);

/**
 * The latest answer is an rpc_error with this code and either message (where the binding allows both).
 * @example Then the answer is rpc_error 400 PEER_ID_INVALID or USER_ID_INVALID
 */
Then(
  "the answer is rpc_error {int} {word} or {word}",
  function (this: ConformanceWorld, status: number, a: string, b: string) {
    judged(this);
    expectRpcError(this.session, status, [a, b]);
  },
);
