// The layer-3 rule and the link pair: what a send's result carries, the link values, and who
// gets updateContactLink.
import { Then } from "@cucumber/cucumber";
import {
  checkAllLinkUpdates,
  expectChangedLinkInResult,
  expectEveryLinkFollowsTable,
  expectLinkIs,
  expectLinkUserCurrent,
  expectNoChangedLink,
  expectPlainResult,
  expectResultLinksFollowTable,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then(
  "{role}'s send result carries exactly the changed link to {role}",
  function (this: ConformanceWorld, sender: string, _peer: string) {
    expectChangedLinkInResult(this.session, sender);
  },
);

Then(
  "the link to {role} in {role}'s send result shows {role} as users.getUsers does right after",
  async function (this: ConformanceWorld, peer: string, sender: string, _shown: string) {
    await expectLinkUserCurrent(this.session, sender, peer);
  },
);

Then(
  "{role}'s send result is the plain constructor of its method",
  function (this: ConformanceWorld, sender: string) {
    expectPlainResult(this.session, sender);
  },
);

Then("{role}'s send result reports no changed link", function (this: ConformanceWorld, sender: string) {
  expectNoChangedLink(this.session, sender);
});

Then(
  "the links in {role}'s send result follow the link table",
  function (this: ConformanceWorld, sender: string) {
    expectResultLinksFollowTable(this.session, sender);
  },
);

Then("every link of every user follows the link table", async function (this: ConformanceWorld) {
  await expectEveryLinkFollowsTable(this.session);
});

Then(
  "{role}'s link to {role} is {my_link} and {foreign_link}",
  async function (
    this: ConformanceWorld,
    viewer: string,
    other: string,
    myLink: string,
    foreignLink: string,
  ) {
    await expectLinkIs(this.session, viewer, other, myLink, foreignLink);
  },
);

Then(
  "every user got exactly the updateContactLink the link table requires",
  async function (this: ConformanceWorld) {
    await checkAllLinkUpdates(this.session);
  },
);
