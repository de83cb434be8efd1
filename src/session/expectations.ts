// The explicit checks of the step language: what a feature states one user sees of another, the
// delivery of a message, the contact card, the import. Each reads what it needs through the
// session, so its answers get the automatic checks too.
import { viewReasons } from "../model/index.ts";
import type { RequirementId } from "../requirements/index.ts";
import { check } from "./failure.ts";
import { lastSend } from "./operations.ts";
import { phoneDigits } from "./phone_scan.ts";
import { readAll, viewsIn } from "./reads.ts";
import { SEND_KINDS, type SendRecord } from "./sends.ts";
import type { ConformanceSession } from "./session.ts";
import { describeUser, isTlObject, objectsOf, type TlObject, usersIn } from "./tl_json.ts";

function describeExpected(kind: string, withPhone: boolean, phone: string | undefined): string {
  return withPhone ? `${kind} with phone ${phone}` : `${kind} without a phone`;
}

/** Every view the viewer gets of the owner (every copy in every answer) is `kind`, with the phone iff `withPhone`. */
export async function expectSees(
  session: ConformanceSession,
  viewer: string,
  owner: string,
  kind: string,
  withPhone: boolean,
): Promise<void> {
  const reads = await readAll(session);
  const read = reads.get(viewer);
  const phone = session.phoneOf(owner);
  const requirement = session.pick(viewReasons(session.model, viewer, owner));
  const expected = describeExpected(kind, withPhone, phone);
  const views = read ? viewsIn(session, read, owner) : [];
  check(views.length > 0, requirement, {
    subject: `${viewer}'s views of ${owner}`,
    expected,
    actual: "no view at all",
  });
  for (const view of views) {
    const { user } = view;
    const ok = user._ === kind && (withPhone ? user.phone === phone : user.phone === undefined);
    check(ok, requirement, {
      subject: `${viewer}'s view of ${owner} (${view.channel})`,
      expected,
      actual: describeUser(user),
      pointer: view.pointer,
    });
  }
}

/** Every User of the owner in a value is `userRequest` with the owner's phone, and there is one. */
function expectRevealedIn(
  session: ConformanceSession,
  requirement: RequirementId,
  subject: string,
  value: unknown,
  owner: string,
): void {
  const id = session.idOf(owner);
  const phone = session.phoneOf(owner);
  const found = usersIn(value).filter((u) => u.user.id === id);
  check(found.length > 0, requirement, {
    subject,
    expected: `${owner} as userRequest with phone ${phone}`,
    actual: `no User for ${owner}`,
    pointer: "/users",
  });
  for (const { user, pointer } of found) {
    check(user._ === "userRequest" && user.phone === phone, requirement, {
      subject,
      expected: `${owner} as userRequest with phone ${phone}`,
      actual: describeUser(user),
      pointer,
    });
  }
}

/**
 * The peer's copy of the sender's latest send: the newest message from the sender of that kind,
 * else the newest from the sender at all (whether the content arrived intact is for other
 * requirements to judge; here only its users matter).
 */
function deliveredCopy(
  session: ConformanceSession,
  difference: TlObject,
  send: SendRecord,
): TlObject | undefined {
  const from = session.idOf(send.sender);
  const mediaOf = (m: TlObject) => (isTlObject(m.media) ? m.media._ : undefined);
  const mine = objectsOf(difference.new_messages).filter((m) => m.from_id === from);
  const ofKind = mine.filter((m) => {
    if (send.kind === "message") return typeof m.message === "string" && m.message.includes(send.text);
    if (send.kind === "contact") return mediaOf(m) === "messageMediaContact";
    if (send.kind === "geo") return mediaOf(m) === "messageMediaGeo";
    return m._ === "messageForwarded";
  });
  return ofKind.at(-1) ?? mine.at(-1);
}

/** S1-BEFORE-SEND: the update stream that delivers the sender's latest message already shows the sender revealed. */
export async function expectDeliveryShows(
  session: ConformanceSession,
  sender: string,
  peer: string,
): Promise<void> {
  const send = lastSend(session, sender);
  const reads = await readAll(session);
  const difference = reads.get(peer)?.difference ?? { _: "none" };
  const copy = deliveredCopy(session, difference, send);
  check(copy !== undefined, "S1-BEFORE-SEND", {
    subject: `${peer}'s updates.getDifference after ${sender}'s ${SEND_KINDS[send.kind].method}`,
    expected: `${peer}'s copy of ${sender}'s message`,
    actual: `${objectsOf(difference.new_messages).length} new messages, none of them it`,
    pointer: "/new_messages",
  });
  expectRevealedIn(
    session,
    "S1-BEFORE-SEND",
    `${sender} as carried by the update that delivers ${sender}'s message to ${peer}`,
    { users: difference.users },
    sender,
  );
}

/** S1-BEFORE-SEND, from the sender's side: its own send result shows the owner as revealed. */
export function expectResultShows(session: ConformanceSession, sender: string, owner: string): void {
  const send = lastSend(session, sender);
  const shown = { users: send.result.users, links: send.result.links };
  expectRevealedIn(
    session,
    "S1-BEFORE-SEND",
    `${sender}'s ${SEND_KINDS[send.kind].method} result at layer ${send.layer} (its users and links)`,
    shown,
    owner,
  );
}

/** S2-CONTACT-MEDIA: the receiver's copy of the owner's card holds the owner's phone, names and user id. */
export async function expectCardReceived(
  session: ConformanceSession,
  receiver: string,
  owner: string,
): Promise<void> {
  const from = await session.actor(owner);
  const reads = await readAll(session);
  const messages = objectsOf(reads.get(receiver)?.difference.new_messages);
  const index = messages.findLastIndex(
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
    phone_number: phoneDigits(media.phone_number) === from.phone ? from.phone : media.phone_number,
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
}

/** S2-IMPORT: the import result lists the owner as imported and as userContact in its users. */
export function expectImportLists(
  session: ConformanceSession,
  importer: string,
  owner: string,
  result: TlObject,
): void {
  const id = session.idOf(owner);
  const imported = objectsOf(result.imported);
  const users = objectsOf(result.users).filter((u) => u.id === id);
  check(
    imported.some((i) => i.user_id === id) && users.length > 0 && users.every((u) => u._ === "userContact"),
    "S2-IMPORT",
    {
      subject: `${importer}'s contacts.importContacts result`,
      expected: `${owner} (user ${id}) in imported, and as userContact in users`,
      actual: `imported ${JSON.stringify(imported.map((i) => i.user_id))}, users ${JSON.stringify(objectsOf(result.users).map((u) => `${u._} ${String(u.id)}`))}`,
      pointer: "/imported",
    },
  );
}

/** S2-IMPORT: the owner is in the holder's contacts.getContacts. */
export async function expectInContacts(
  session: ConformanceSession,
  owner: string,
  holder: string,
): Promise<void> {
  const reads = await readAll(session);
  const id = session.idOf(owner);
  const list = objectsOf(reads.get(holder)?.contacts.contacts);
  check(
    list.some((c) => c.user_id === id),
    "S2-IMPORT",
    {
      subject: `${holder}'s contacts.getContacts`,
      expected: `a contact for ${owner} (user ${id})`,
      actual: `contacts ${JSON.stringify(list.map((c) => c.user_id))}`,
      pointer: "/contacts",
    },
  );
}
