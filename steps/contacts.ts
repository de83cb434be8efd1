// Scenario 2's contact exchange: the contact message arrives intact, and its import works.
import { Then } from "@cucumber/cucumber";
import {
  expectCardReceived,
  expectImportLists,
  expectInContacts,
  ScenarioError,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

/**
 * S2-CONTACT-MEDIA: the receiver's copy of the card holds the sender's phone, names and user id.
 * @example Then B receives A's contact with the phone, the names and the user id
 */
Then(
  "{role} receives {role}'s contact with the phone, the names and the user id",
  async function (this: ConformanceWorld, receiver: string, owner: string) {
    await expectCardReceived(this.session, receiver, owner);
  },
);

/**
 * S2-IMPORT: the latest import's result lists the imported user, as userContact.
 * @example Then B's import result lists A
 */
Then(
  "{role}'s import result lists {role}",
  function (this: ConformanceWorld, importer: string, owner: string) {
    if (!this.lastImport) throw new ScenarioError(`${importer} imported nothing in a When step`);
    expectImportLists(this.session, importer, owner, this.lastImport);
  },
);

/**
 * S2-IMPORT: the first user is in the second's contacts.getContacts.
 * @example Then A is in B's contacts
 */
Then(
  "{role} is in {role}'s contacts",
  async function (this: ConformanceWorld, owner: string, holder: string) {
    await expectInContacts(this.session, owner, holder);
  },
);
