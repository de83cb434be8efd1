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

/**
 * L3-LINKS-IN-RESULT: the sender's latest layer-3 send changed its link, and its *Link result holds exactly that link.
 * @example Then A's send result carries exactly the changed link to B
 */
Then(
  "{role}'s send result carries exactly the changed link to {role}",
  function (this: ConformanceWorld, sender: string, _peer: string) {
    expectChangedLinkInResult(this.session, sender);
  },
);

/**
 * L3-LINK-USER: the user of the result's link is the peer as users.getUsers shows it right after.
 * @example Then the link to B in A's send result shows B as users.getUsers does right after
 */
Then(
  "the link to {role} in {role}'s send result shows {role} as users.getUsers does right after",
  async function (this: ConformanceWorld, peer: string, sender: string, _shown: string) {
    await expectLinkUserCurrent(this.session, sender, peer);
  },
);

/**
 * L3-LAYER-GATE: the latest send's result is sentMessage, statedMessage or statedMessages.
 * @example Then A's send result is the plain constructor of its method
 */
Then(
  "{role}'s send result is the plain constructor of its method",
  function (this: ConformanceWorld, sender: string) {
    expectPlainResult(this.session, sender);
  },
);

/**
 * L3-NO-CHANGE (S3-STABLE between contacts): a send that changed nothing reports no changed link.
 * @example Then A's send result reports no changed link
 */
Then("{role}'s send result reports no changed link", function (this: ConformanceWorld, sender: string) {
  expectNoChangedLink(this.session, sender);
});

/**
 * LINK-VALUES: each link of the latest send result follows the link table.
 * @example Then the links in A's send result follow the link table
 */
Then(
  "the links in {role}'s send result follow the link table",
  function (this: ConformanceWorld, sender: string) {
    expectResultLinksFollowTable(this.session, sender);
  },
);

/**
 * LINK-VALUES: every link users.getFullUser shows any user of the scenario follows the link table.
 * @example Then every link of every user follows the link table
 */
Then("every link of every user follows the link table", async function (this: ConformanceWorld) {
  await expectEveryLinkFollowsTable(this.session);
});

/**
 * LINK-VALUES: one link pair, as users.getFullUser shows it.
 * @example Then A's link to B is myLinkContact and foreignLinkUnknown
 */
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

/**
 * LINK-PEER-UPDATE, L3-NO-SELF-UPDATE: each user's whole update stream holds one updateContactLink per change of its links made by others, none for its own sends, none where nothing changed.
 * @example Then every user got exactly the updateContactLink the link table requires
 */
Then(
  "every user got exactly the updateContactLink the link table requires",
  async function (this: ConformanceWorld) {
    await checkAllLinkUpdates(this.session);
  },
);
