// How users come to know each other and stop: imports ("has the number"), chats made by another
// user, deletes, and a sign-in on a new key.
import { Given, When } from "@cucumber/cucumber";
import {
  type DeleteMethod,
  deleteContact,
  importFromCard,
  importNumber,
  meetInChat,
  signInOnNewKey,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

Given(
  "{role} has {role}'s number in contacts",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    await importNumber(this.session, importer, owner);
  },
);

When(
  "{role} imports {role}'s number",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    this.lastImport = await importNumber(this.session, importer, owner);
  },
);

Given(
  "{role} and {role} have each other's numbers",
  async function (this: ConformanceWorld, a: string, b: string) {
    await importNumber(this.session, a, b);
    await importNumber(this.session, b, a);
  },
);

Given(
  "{role} and {role} met in a chat made by {role}",
  async function (this: ConformanceWorld, a: string, b: string, maker: string) {
    await meetInChat(this.session, [a, b], maker);
  },
);

Given(
  "{role}, {role} and {role} met in a chat made by {role}",
  async function (this: ConformanceWorld, a: string, b: string, c: string, maker: string) {
    await meetInChat(this.session, [a, b, c], maker);
  },
);

When(
  "{role} imports {role}'s number from the contact message",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    this.lastImport = await importFromCard(this.session, importer, owner);
  },
);

When(
  "{role} deletes {role} from contacts by {delete_method}",
  async function (this: ConformanceWorld, deleter: string, owner: string, method: DeleteMethod) {
    await deleteContact(this.session, deleter, owner, method);
  },
);

When("{role} signs in again on a new key", async function (this: ConformanceWorld, name: string) {
  await signInOnNewKey(this.session, name);
});
