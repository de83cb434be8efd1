// The layer-3 rule and the link pair: what a send's result carries, and who gets updateContactLink.
import { Then } from "@cucumber/cucumber";
import { differenceSince, lastSend, linksOf } from "../support/actions.ts";
import { describeLink, expectLinkValues, linkTo } from "../support/expectations.ts";
import { check } from "../support/failure.ts";
import { inputUser } from "../support/peers.ts";
import type { Role } from "../support/spec_oracle.ts";
import { describeUser, isTlObject, type TlObject } from "../support/tl_json.ts";
import { linkOf } from "../support/views.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then(
  "{role}'s send result is {word} carrying the changed link to {role}",
  async function (this: ConformanceWorld, sender: Role, expected: string, peer: Role) {
    const { result, method } = lastSend(this, sender);
    const other = await this.actor(peer);
    const found = linkTo(result, other.id);
    check(result._ === expected && found !== undefined, "L3-LINKS-IN-RESULT", {
      subject: `${sender}'s ${method} result at layer 3`,
      expected: `${expected} whose links hold a contacts.link for ${peer} (user ${other.id})`,
      actual: `${result._} with ${linksOf(result).length} links${found ? "" : `, none for ${peer}`}`,
      pointer: "/links",
    });
  },
);

Then(
  "the link to {role} in {role}'s send result shows {role} as users.getUsers does right after",
  async function (this: ConformanceWorld, peer: Role, sender: Role, shown: Role) {
    const [self, other] = [await this.actor(sender), await this.actor(shown === peer ? peer : shown)];
    const found = linkTo(lastSend(this, sender).result, other.id);
    const users = (await this.rpc(sender, { _: "users.getUsers", id: [inputUser(self, other)] })) as unknown;
    const now = Array.isArray(users) && isTlObject(users[0]) ? users[0] : undefined;
    const linkUser = found?.link.user as TlObject | undefined;
    check(linkUser !== undefined && linkUser._ === now?._ && linkUser.phone === now?.phone, "L3-LINK-USER", {
      subject: `the user of ${sender}'s link to ${peer} in the send result`,
      expected: `what users.getUsers gives ${sender} right after: ${describeUser(now)}`,
      actual: describeUser(linkUser),
      pointer: found ? `/links/${found.index}/user` : "/links",
    });
  },
);

Then(
  "{role}'s send result is the plain {word}",
  async function (this: ConformanceWorld, sender: Role, expected: string) {
    const { result, method, layer } = lastSend(this, sender);
    check(result._ === expected, "L3-LAYER-GATE", {
      subject: `${sender}'s ${method} result at layer ${layer}`,
      expected,
      actual: result._,
      pointer: "/_",
    });
  },
);

Then("{role}'s send result reports no changed link", async function (this: ConformanceWorld, sender: Role) {
  const { result, method, layer } = lastSend(this, sender);
  const links = linksOf(result);
  check(links.length === 0, this.requirementFor(["S3-STABLE", "L3-NO-CHANGE"]), {
    subject: `${sender}'s ${method} result at layer ${layer}`,
    expected: "the plain constructor, or a *Link one with empty links",
    actual: `${result._} with ${links.length} links (${links.map(describeLink).join("; ")})`,
    pointer: "/links",
  });
});

Then(
  "{role}'s link to {role} is {my_link} and {foreign_link}",
  async function (this: ConformanceWorld, viewer: Role, owner: Role, myLink: string, foreignLink: string) {
    expectLinkValues(viewer, owner, await linkOf(this, viewer, owner), myLink, foreignLink);
  },
);

async function contactLinkUpdates(
  world: ConformanceWorld,
  recipient: Role,
  about: Role,
  since: number,
): Promise<TlObject[]> {
  const other = await world.actor(about);
  const difference = await differenceSince(world, recipient, since);
  const updates = Array.isArray(difference.other_updates) ? difference.other_updates.filter(isTlObject) : [];
  return updates.filter((u) => u._ === "updateContactLink" && u.user_id === other.id);
}

Then(
  "{role} gets an updateContactLink for {role}",
  async function (this: ConformanceWorld, recipient: Role, about: Role) {
    const updates = await contactLinkUpdates(this, recipient, about, this.lastMarks.get(recipient) ?? 0);
    const current = await linkOf(this, recipient, about);
    const matching = updates.filter(
      (u) =>
        JSON.stringify(u.my_link) === JSON.stringify(current.my_link) &&
        JSON.stringify(u.foreign_link) === JSON.stringify(current.foreign_link),
    );
    check(matching.length > 0, "LINK-PEER-UPDATE", {
      subject: `${recipient}'s updates since the send`,
      expected: `an updateContactLink for ${about} with the new link (${describeLink(current)})`,
      actual:
        updates.length === 0
          ? "no updateContactLink for it"
          : `updateContactLink with ${updates.map(describeLink).join("; ")}`,
      pointer: "/other_updates",
    });
  },
);

Then(
  "{role} gets no updateContactLink for {role} since its send",
  async function (this: ConformanceWorld, sender: Role, peer: Role) {
    const updates = await contactLinkUpdates(this, sender, peer, this.lastMarks.get(sender) ?? 0);
    check(updates.length === 0, "L3-NO-SELF-UPDATE", {
      subject: `${sender}'s updates since its own send to ${peer}`,
      expected: `no updateContactLink for ${peer} (the send's result carries the change)`,
      actual: `${updates.length} updateContactLink (${updates.map(describeLink).join("; ")})`,
      pointer: "/other_updates",
    });
  },
);

Then(
  "neither {role} nor {role} got an updateContactLink since the first send",
  async function (this: ConformanceWorld, a: Role, b: Role) {
    for (const [recipient, about] of [
      [a, b],
      [b, a],
    ] as const) {
      const updates = await contactLinkUpdates(this, recipient, about, this.firstMarks.get(recipient) ?? 0);
      check(updates.length === 0, "S3-STABLE", {
        subject: `${recipient}'s updates since the first message`,
        expected: `no updateContactLink for ${about}: the links were already final`,
        actual: `${updates.length} updateContactLink (${updates.map(describeLink).join("; ")})`,
        pointer: "/other_updates",
      });
    }
  },
);
