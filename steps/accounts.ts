// How users come to know each other: imports ("has the number") and chats made by a third user.
import { Given, When } from "@cucumber/cucumber";
import { importFromContactMessage, importNumber, meetInChat } from "../support/actions.ts";
import type { Role } from "../support/spec_oracle.ts";
import type { ConformanceWorld } from "../support/world.ts";

Given(
  "{role} has {role}'s number in contacts",
  async function (this: ConformanceWorld, importer: Role, owner: Role) {
    await importNumber(this, importer, owner);
  },
);

Given(
  "{role} and {role} have each other's numbers",
  async function (this: ConformanceWorld, a: Role, b: Role) {
    await importNumber(this, a, b);
    await importNumber(this, b, a);
  },
);

Given(
  "{role} and {role} met in a chat made by {role}",
  async function (this: ConformanceWorld, a: Role, b: Role, maker: Role) {
    await meetInChat(this, a, b, maker);
  },
);

When(
  "{role} imports {role}'s number from the contact message",
  async function (this: ConformanceWorld, importer: Role, owner: Role) {
    this.lastImport = await importFromContactMessage(this, importer, owner);
  },
);
