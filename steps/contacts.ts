// Scenario 2's contact exchange: the contact message arrives intact, and its import works.
import { Then } from "@cucumber/cucumber";
import {
  expectCardReceived,
  expectImportLists,
  expectInContacts,
  ScenarioError,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then(
  "{role} receives {role}'s contact with the phone, the names and the user id",
  async function (this: ConformanceWorld, receiver: string, owner: string) {
    await expectCardReceived(this.session, receiver, owner);
  },
);

Then(
  "{role}'s import result lists {role}",
  function (this: ConformanceWorld, importer: string, owner: string) {
    if (!this.lastImport) throw new ScenarioError(`${importer} imported nothing in a When step`);
    expectImportLists(this.session, importer, owner, this.lastImport);
  },
);

Then(
  "{role} is in {role}'s contacts",
  async function (this: ConformanceWorld, owner: string, holder: string) {
    await expectInContacts(this.session, owner, holder);
  },
);
