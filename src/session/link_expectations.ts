// The explicit checks of the layer-3 rule and of the link pair: what a send's result carries,
// and whether every link a user is shown follows the link table (LINK-VALUES, SHOULD).

import { describeLinkObject, sameLinkObject } from "../model/index.ts";
import type { Actor } from "./actors.ts";
import { check, ScenarioError } from "./failure.ts";
import { lastSend } from "./operations.ts";
import { readAll } from "./reads.ts";
import { checkSendResult, SEND_KINDS, type SendRecord } from "./sends.ts";
import type { ConformanceSession } from "./session.ts";
import { describeUser, isTlObject, objectsOf, type TlObject } from "./tl_json.ts";

function changedNow(session: ConformanceSession, send: SendRecord): boolean {
  const event = send.event;
  if (!event) return false;
  return session.model
    .changesSince(event.index - 1)
    .some((world) => world.some((c) => c.event === event.index && c.viewer === send.sender));
}

/** L3-LINKS-IN-RESULT, where the feature says the send changed the sender's link. */
export function expectChangedLinkInResult(session: ConformanceSession, sender: string): void {
  const send = lastSend(session, sender);
  if (send.layer !== 3 || !changedNow(session, send)) {
    throw new ScenarioError(
      `${sender}'s last send (layer ${send.layer}) changed none of its links in the link table`,
    );
  }
  checkSendResult(session, send, true);
}

/** L3-NO-CHANGE (or S3-STABLE among contacts): a send that changed nothing reports no changed link. */
export function expectNoChangedLink(session: ConformanceSession, sender: string): void {
  const send = lastSend(session, sender);
  if (changedNow(session, send))
    throw new ScenarioError(`${sender}'s last send changed a link in the link table`);
  checkSendResult(session, send, true);
}

/** L3-LAYER-GATE: before layer 3 a send returns the plain constructor of its method. */
export function expectPlainResult(session: ConformanceSession, sender: string): void {
  const send = lastSend(session, sender);
  const plain = SEND_KINDS[send.kind].plain;
  check(send.result._ === plain, "L3-LAYER-GATE", {
    subject: `${sender}'s ${SEND_KINDS[send.kind].method} result at layer ${send.layer}`,
    expected: plain,
    actual: String(send.result._),
    pointer: "/_",
  });
}

/** L3-LINK-USER: the user of the result's link to the peer is the peer as users.getUsers shows it right after. */
export async function expectLinkUserCurrent(
  session: ConformanceSession,
  sender: string,
  peer: string,
): Promise<void> {
  const [self, other] = (await session.actorsOf(sender, peer)) as [Actor, Actor];
  const links = objectsOf(lastSend(session, sender).result.links);
  const index = links.findIndex((l) => isTlObject(l.user) && l.user.id === other.id);
  const users = await session.rpc(sender, { _: "users.getUsers", id: [session.user(self, other)] });
  const now = objectsOf(users).find((u) => u.id === other.id);
  const linkUser = links[index]?.user as TlObject | undefined;
  check(linkUser !== undefined && linkUser._ === now?._ && linkUser.phone === now?.phone, "L3-LINK-USER", {
    subject: `the user of ${sender}'s link to ${peer} in the send result`,
    expected: `what users.getUsers gives ${sender} right after: ${describeUser(now)}`,
    actual: describeUser(linkUser),
    pointer: index === -1 ? "/links" : `/links/${index}/user`,
  });
}

function expectTableLink(
  session: ConformanceSession,
  subject: string,
  viewer: string,
  other: string,
  link: TlObject | undefined,
  pointer: string,
): void {
  const options = session.model.links(viewer, other);
  const fits = options.some(
    ({ link: table }) =>
      sameLinkObject(link?.my_link, table.myLink) && sameLinkObject(link?.foreign_link, table.foreignLink),
  );
  check(fits, "LINK-VALUES", {
    subject,
    expected: options
      .map(({ link: t }) => `${describeLinkObject(t.myLink)}, ${describeLinkObject(t.foreignLink)}`)
      .join(" or "),
    actual: link
      ? `${describeLinkObject(link.my_link)}, ${describeLinkObject(link.foreign_link)}`
      : "no link",
    pointer,
  });
}

/** LINK-VALUES: a named link pair, as users.getFullUser shows it. */
export async function expectLinkIs(
  session: ConformanceSession,
  viewer: string,
  other: string,
  myLink: string,
  foreignLink: string,
): Promise<void> {
  const reads = await readAll(session);
  const link = reads.get(viewer)?.fulls.get(other)?.link as TlObject | undefined;
  const shown = link
    ? `${describeLinkObject(link.my_link)}, ${describeLinkObject(link.foreign_link)}`
    : "no link";
  check(shown === `${myLink}, ${foreignLink}`, "LINK-VALUES", {
    subject: `${viewer}'s link to ${other} (users.getFullUser)`,
    expected: `${myLink}, ${foreignLink}`,
    actual: shown,
    pointer: "/link",
  });
}

/** LINK-VALUES: every link users.getFullUser shows any user of the scenario follows the table. */
export async function expectEveryLinkFollowsTable(session: ConformanceSession): Promise<void> {
  for (const [viewer, read] of await readAll(session)) {
    for (const [other, full] of read.fulls) {
      const subject = `${viewer}'s link to ${other} (users.getFullUser)`;
      expectTableLink(
        session,
        subject,
        viewer,
        other,
        isTlObject(full.link) ? full.link : undefined,
        "/link",
      );
    }
  }
}

/** LINK-VALUES: each link of the sender's latest send result follows the table. */
export function expectResultLinksFollowTable(session: ConformanceSession, sender: string): void {
  const send = lastSend(session, sender);
  objectsOf(send.result.links).forEach((link, i) => {
    const other = isTlObject(link.user) ? session.nameOf(link.user.id as number) : undefined;
    if (other === undefined) return;
    expectTableLink(
      session,
      `the link to ${other} in ${sender}'s send result`,
      sender,
      other,
      link,
      `/links/${i}`,
    );
  });
}
