// How users come to know each other and stop: imports ("has the number"), chats made by another
// user, deletes, and a sign-in on a new key.
import { Given, When } from "@cucumber/cucumber";
import {
  type DeleteMethod,
  deleteContact,
  importFromCard,
  importNumber,
  signInOnNewKey,
} from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

/**
 * The first user imports the second's number (contacts.importContacts): the spec's "has the number".
 * @example Given A has B's number in contacts
 */
Given(
  "{role} has {role}'s number in contacts",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    await this.setup({ kind: "import", importer, owner });
  },
);

/**
 * The same import as a When step; a later Then may judge its result.
 * @example When B imports A's number
 */
When(
  "{role} imports {role}'s number",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    this.lastImport = await importNumber(this.session, importer, owner);
  },
);

/**
 * Both import each other (scenario 3).
 * @example Given A and B have each other's numbers
 */
Given(
  "{role} and {role} have each other's numbers",
  async function (this: ConformanceWorld, a: string, b: string) {
    await this.setup({ kind: "import", importer: a, owner: b });
    await this.setup({ kind: "import", importer: b, owner: a });
  },
);

/**
 * The third user imports both and makes a chat with them; each learns the other from its updates (scenario 2's "found in a chat").
 * @example Given A and B met in a chat made by C
 */
Given(
  "{role} and {role} met in a chat made by {role}",
  async function (this: ConformanceWorld, a: string, b: string, maker: string) {
    await this.setup({ kind: "meet", members: [a, b], maker });
  },
);

/**
 * The fourth user imports the three and makes a chat with them; each learns the others from its updates.
 * @example Given A, B and C met in a chat made by D
 */
Given(
  "{role}, {role} and {role} met in a chat made by {role}",
  async function (this: ConformanceWorld, a: string, b: string, c: string, maker: string) {
    await this.setup({ kind: "meet", members: [a, b, c], maker });
  },
);

/**
 * The importer takes the number from the contact card the other sent it, and imports it.
 * @example When B imports A's number from the contact message
 */
When(
  "{role} imports {role}'s number from the contact message",
  async function (this: ConformanceWorld, importer: string, owner: string) {
    this.lastImport = await importFromCard(this.session, importer, owner);
  },
);

/**
 * The first user removes the second from its contacts.
 * @example When A deletes B from contacts by contacts.deleteContacts
 */
When(
  "{role} deletes {role} from contacts by {delete_method}",
  async function (this: ConformanceWorld, deleter: string, owner: string, method: DeleteMethod) {
    await deleteContact(this.session, deleter, owner, method);
  },
);

/**
 * The user signs in on a fresh key (sendCode, signIn); its later calls use it, and nothing of the link table changes.
 * @example When B signs in again on a new key
 */
When("{role} signs in again on a new key", async function (this: ConformanceWorld, name: string) {
  await signInOnNewKey(this.session, name);
});
