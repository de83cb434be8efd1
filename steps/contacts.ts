// Scenario 2's contact exchange: the contact message arrives intact, and its import works.
import { Then } from "@cucumber/cucumber";
import { differenceSince } from "../support/actions.ts";
import { check, ScenarioError } from "../support/failure.ts";
import type { Role } from "../support/spec_oracle.ts";
import { isTlObject, type TlObject } from "../support/tl_json.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then(
  "{role} receives {role}'s contact with the phone, the names and the user id",
  async function (this: ConformanceWorld, receiver: Role, owner: Role) {
    const from = await this.actor(owner);
    const difference = await differenceSince(this, receiver, this.lastMarks.get(receiver) ?? 0);
    const messages = Array.isArray(difference.new_messages) ? difference.new_messages.filter(isTlObject) : [];
    const index = messages.findIndex(
      (m) => m.from_id === from.id && isTlObject(m.media) && m.media._ === "messageMediaContact",
    );
    const media = messages[index]?.media as TlObject | undefined;
    const expected = {
      phone_number: from.phone,
      first_name: from.firstName,
      last_name: from.lastName,
      user_id: from.id,
    };
    const actual = media && {
      phone_number: media.phone_number,
      first_name: media.first_name,
      last_name: media.last_name,
      user_id: media.user_id,
    };
    check(JSON.stringify(actual) === JSON.stringify(expected), "S2-CONTACT-MEDIA", {
      subject: `${receiver}'s copy of ${owner}'s contact message`,
      expected: `messageMediaContact ${JSON.stringify(expected)}`,
      actual: media ? `messageMediaContact ${JSON.stringify(actual)}` : "no contact message from it",
      pointer: index === -1 ? "/new_messages" : `/new_messages/${index}/media`,
    });
  },
);

Then(
  "{role}'s import result lists {role}",
  async function (this: ConformanceWorld, importer: Role, owner: Role) {
    const result = this.lastImport;
    if (!result) throw new ScenarioError(`${importer} imported nothing in a When step`);
    const other = await this.actor(owner);
    const imported = Array.isArray(result.imported) ? result.imported.filter(isTlObject) : [];
    const users = Array.isArray(result.users) ? result.users.filter(isTlObject) : [];
    const user = users.find((u) => u.id === other.id);
    check(imported.some((i) => i.user_id === other.id) && user?._ === "userContact", "S2-IMPORT", {
      subject: `${importer}'s contacts.importContacts result`,
      expected: `${owner} (user ${other.id}) in imported, and as userContact in users`,
      actual: `imported ${JSON.stringify(imported.map((i) => i.user_id))}, users ${JSON.stringify(users.map((u) => `${u._} ${u.id}`))}`,
      pointer: "/imported",
    });
  },
);

Then("{role} is in {role}'s contacts", async function (this: ConformanceWorld, owner: Role, holder: Role) {
  const other = await this.actor(owner);
  const contacts = await this.rpc(holder, { _: "contacts.getContacts", hash: "" });
  const list = Array.isArray(contacts.contacts) ? contacts.contacts.filter(isTlObject) : [];
  check(
    list.some((c) => c.user_id === other.id),
    "S2-IMPORT",
    {
      subject: `${holder}'s contacts.getContacts`,
      expected: `a contact for ${owner} (user ${other.id})`,
      actual: `contacts ${JSON.stringify(list.map((c) => c.user_id))}`,
      pointer: "/contacts",
    },
  );
});
