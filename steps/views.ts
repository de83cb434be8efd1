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

Then(
  "{role} sees {role} as {user_kind} with {role}'s phone",
  async function (this: ConformanceWorld, viewer: string, owner: string, kind: string, phoneOwner: string) {
    samePerson(owner, phoneOwner);
    await expectSees(this.session, viewer, owner, kind, true);
  },
);

Then(
  "{role} sees {role} as userForeign without a phone",
  async function (this: ConformanceWorld, viewer: string, owner: string) {
    await expectSees(this.session, viewer, owner, "userForeign", false);
  },
);

Then("every view of every user is as the link table says", async function (this: ConformanceWorld) {
  await readAll(this.session);
});

Then(
  "the update that delivers {role}'s message to {role} already shows {role} as userRequest with {role}'s phone",
  async function (this: ConformanceWorld, sender: string, peer: string, shown: string, phoneOwner: string) {
    samePerson(shown, phoneOwner);
    if (shown !== sender) throw new ScenarioError("the update that delivers a message shows its sender");
    await expectDeliveryShows(this.session, sender, peer);
  },
);

Then(
  "{role}'s send result already shows {role} as userRequest with {role}'s phone",
  function (this: ConformanceWorld, sender: string, owner: string, phoneOwner: string) {
    samePerson(owner, phoneOwner);
    expectResultShows(this.session, sender, owner);
  },
);
