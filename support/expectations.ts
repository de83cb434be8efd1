// The Then checks, each one query and one assertion with a message that says the requirement,
// what was expected, what came back and where.

import { differenceSince, linksOf } from "./actions.ts";
import { check } from "./failure.ts";
import { SEES_CANDIDATES } from "./requirement_of.ts";
import type { Role } from "./spec_oracle.ts";
import { describeUser, isTlObject, type TlObject } from "./tl_json.ts";
import { viewsOf } from "./views.ts";
import type { ConformanceWorld, SendRecord } from "./world.ts";

/** Every view the viewer gets of the owner is `kind`, with the owner's phone iff `withPhone`. */
export async function expectSees(
  world: ConformanceWorld,
  viewer: Role,
  owner: Role,
  kind: string,
  withPhone: boolean,
): Promise<void> {
  const requirement = world.requirementFor(SEES_CANDIDATES);
  const phone = (await world.actor(owner)).phone;
  const expected = withPhone ? `${kind} with phone ${phone}` : `${kind} without a phone`;
  const views = await viewsOf(world, viewer, owner);
  check(views.length > 0, requirement, {
    subject: `${viewer}'s views of ${owner}`,
    expected,
    actual: "no view at all",
  });
  for (const view of views) {
    const { user } = view;
    const ok = user?._ === kind && (withPhone ? user.phone === phone : user.phone === undefined);
    check(ok, requirement, {
      subject: `${viewer}'s view of ${owner} (${view.channel})`,
      expected,
      actual: user
        ? describeUser(user)
        : `no User for ${owner} in users, though the answer's messages, dialogs or updates mention ${owner}`,
      pointer: view.pointer,
    });
  }
}

/** The difference that delivers the sender's latest message to the peer carries the sender as expected. */
export async function expectDeliveryCarries(
  world: ConformanceWorld,
  sender: Role,
  peer: Role,
  send: SendRecord,
): Promise<void> {
  const [from, mark] = [await world.actor(sender), world.lastMarks.get(peer) ?? 0];
  const difference = await differenceSince(world, peer, mark);
  const messages = Array.isArray(difference.new_messages) ? difference.new_messages.filter(isTlObject) : [];
  const index = messages.findIndex((m) => m.from_id === from.id && m.message === send.text);
  check(index !== -1, "S1-BEFORE-SEND", {
    subject: `${peer}'s getDifference after ${sender}'s message`,
    expected: `the message "${send.text}" from ${sender}`,
    actual: `${messages.length} new messages, none of them it`,
    pointer: "/new_messages",
  });
  const users = Array.isArray(difference.users) ? difference.users.filter(isTlObject) : [];
  const at = users.findIndex((u) => u.id === from.id);
  const user = users[at];
  check(user?._ === "userRequest" && user.phone === from.phone, "S1-BEFORE-SEND", {
    subject: `${sender} as carried by the update that delivers ${sender}'s first message to ${peer}`,
    expected: `userRequest with phone ${from.phone}`,
    actual: describeUser(user),
    pointer: at === -1 ? "/users" : `/users/${at}`,
  });
}

export function linkTo(result: TlObject, userId: number): { link: TlObject; index: number } | undefined {
  const links = linksOf(result);
  const index = links.findIndex((l) => isTlObject(l.user) && l.user.id === userId);
  const link = links[index];
  return link ? { link, index } : undefined;
}

function describeLink(link: unknown): string {
  if (!isTlObject(link)) return "no link";
  const my = link.my_link as TlObject | undefined;
  const foreign = link.foreign_link as TlObject | undefined;
  const show = (o: TlObject | undefined) =>
    o
      ? `${o._}${Object.entries(o)
          .filter(([k]) => k !== "_")
          .map(([k, v]) => `(${k}=${String(v)})`)
          .join("")}`
      : "none";
  return `${show(my)}, ${show(foreign)}`.replaceAll("contacts.", "");
}

/** `myLinkRequested(contact=true)` → the TL-JSON object it names. */
export function parseLinkName(text: string): TlObject {
  const match = /^(\w+)(?:\((\w+)=(true|false)\))?$/.exec(text);
  if (!match?.[1]) throw new Error(`SCENARIO_ERROR: cannot read link "${text}"`);
  return { _: `contacts.${match[1]}`, ...(match[2] ? { [match[2]]: match[3] === "true" } : {}) };
}

export function expectLinkValues(
  viewer: Role,
  owner: Role,
  link: TlObject,
  myLink: string,
  foreignLink: string,
): void {
  const expectedMy = parseLinkName(myLink);
  const expectedForeign = parseLinkName(foreignLink);
  const ok =
    JSON.stringify(link.my_link) === JSON.stringify(expectedMy) &&
    JSON.stringify(link.foreign_link) === JSON.stringify(expectedForeign);
  check(ok, "LINK-VALUES", {
    subject: `${viewer}'s link to ${owner} (users.getFullUser)`,
    expected: `${myLink}, ${foreignLink}`,
    actual: describeLink(link),
    pointer: "/link",
  });
}

export { describeLink };
