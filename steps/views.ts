// What one user sees of another. Each of these reads every view of every user of the scenario:
// the named view is checked as the feature says, all the others against the link table.
import { Then } from "@cucumber/cucumber";
import {
  expectDeliveryShows,
  expectResultShows,
  expectSees,
  readAll,
  ScenarioError,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

function samePerson(owner: string, phoneOwner: string): void {
  if (phoneOwner !== owner)
    throw new ScenarioError(`"${owner} … with ${phoneOwner}'s phone" names two users`);
}

/**
 * Reads every view of every user: the viewer's every view of the owner is that constructor with the owner's phone, the others as the link model says.
 * @example Then B sees A as userRequest with A's phone
 */
Then(
  "{role} sees {role} as {user_kind} with {role}'s phone",
  async function (this: ConformanceWorld, viewer: string, owner: string, kind: string, phoneOwner: string) {
    samePerson(owner, phoneOwner);
    await expectSees(this.session, viewer, owner, kind, true);
  },
);

/**
 * The viewer's every view of the owner is userForeign with no phone; every other view as the link model says.
 * @example Then A sees B as userForeign without a phone
 */
Then(
  "{role} sees {role} as userForeign without a phone",
  async function (this: ConformanceWorld, viewer: string, owner: string) {
    await expectSees(this.session, viewer, owner, "userForeign", false);
  },
);

/**
 * Reads every view of every user; each must be as the link model says.
 * @example Then every view of every user is as the link table says
 */
Then("every view of every user is as the link table says", async function (this: ConformanceWorld) {
  await readAll(this.session);
});

/**
 * S1-BEFORE-SEND, the receiver's side: the update delivering the message already shows its sender revealed.
 * @example Then the update that delivers A's message to B already shows A as userRequest with A's phone
 */
Then(
  "the update that delivers {role}'s message to {role} already shows {role} as userRequest with {role}'s phone",
  async function (this: ConformanceWorld, sender: string, peer: string, shown: string, phoneOwner: string) {
    samePerson(shown, phoneOwner);
    if (shown !== sender) throw new ScenarioError("the update that delivers a message shows its sender");
    await expectDeliveryShows(this.session, sender, peer);
  },
);

/**
 * S1-BEFORE-SEND, the sender's side: the users and links of its own send result show the peer revealed.
 * @example Then B's send result already shows A as userRequest with A's phone
 */
Then(
  "{role}'s send result already shows {role} as userRequest with {role}'s phone",
  function (this: ConformanceWorld, sender: string, owner: string, phoneOwner: string) {
    samePerson(owner, phoneOwner);
    expectResultShows(this.session, sender, owner);
  },
);
