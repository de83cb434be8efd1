// The domain operations scenarios and the explorer are made of. Each tells the link model what
// the spec says follows, before the call: the answer to the call itself may already show it.
import { randomBytes, randomInt } from "node:crypto";
import { TargetError } from "../client/index.ts";
import type { Layer } from "../tl/index.ts";
import { type Actor, signInAgain } from "./actors.ts";
import { check, ScenarioError } from "./failure.ts";
import { phoneDigits } from "./phone_scan.ts";
import { checkSendResult, SEND_KINDS, type SendKind, type SendRecord } from "./sends.ts";
import type { ConformanceSession } from "./session.ts";
import { isTlObject, objectsOf, type TlObject } from "./tl_json.ts";

export function randomLong(): string {
  return BigInt.asIntN(64, randomBytes(8).readBigUInt64BE(0)).toString();
}

/** The pts of a user's update stream now. */
export async function ptsOf(session: ConformanceSession, name: string): Promise<number> {
  const state = await session.rpc(name, { _: "updates.getState" });
  return state.pts as number;
}

const MAX_PAGES = 1000;

/**
 * Everything a user's update stream holds after a pts: getDifference, following
 * updates.differenceSlice pages (each from its intermediate_state) until the last one.
 */
export async function differenceSince(
  session: ConformanceSession,
  name: string,
  pts: number,
): Promise<TlObject> {
  const merged = {
    new_messages: [] as unknown[],
    other_updates: [] as unknown[],
    chats: [] as unknown[],
    users: [] as unknown[],
  };
  let from = pts;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await session.rpc(name, { _: "updates.getDifference", pts: from, date: 0 });
    if (answer._ === "updates.differenceEmpty")
      return { _: page === 0 ? answer._ : "updates.difference", ...merged };
    for (const key of Object.keys(merged) as (keyof typeof merged)[]) {
      if (Array.isArray(answer[key])) merged[key].push(...(answer[key] as unknown[]));
    }
    if (answer._ !== "updates.differenceSlice") return { _: answer._, ...merged, state: answer.state };
    const next = isTlObject(answer.intermediate_state) ? answer.intermediate_state.pts : undefined;
    if (typeof next !== "number" || next <= from) {
      throw new TargetError(
        "TARGET_INCOMPLETE",
        `${name}'s updates.differenceSlice does not move past pts ${from}`,
      );
    }
    from = next;
  }
  throw new TargetError(
    "TARGET_INCOMPLETE",
    `${name}'s update stream did not end within ${MAX_PAGES} differenceSlice pages`,
  );
}

/** `importer` imports `owner`'s number (the spec's "has the number"). Returns the answer. */
export async function importNumber(
  session: ConformanceSession,
  importer: string,
  owner: string,
  contact?: { phone: string; firstName: string; lastName: string },
  layer: Layer = 1,
): Promise<TlObject> {
  return importNumbers(session, importer, [owner], contact, layer);
}

/**
 * `importer` imports several users' numbers in one contacts.importContacts (one round trip);
 * for the link model each is an import of its own. `contact` replaces the owner's own details
 * (a number read off the owner's card) when there is one owner.
 */
export async function importNumbers(
  session: ConformanceSession,
  importer: string,
  owners: readonly string[],
  contact?: { phone: string; firstName: string; lastName: string },
  layer: Layer = 1,
): Promise<TlObject> {
  const [, ...others] = (await session.actorsOf(importer, ...owners)) as [Actor, ...Actor[]];
  for (const owner of owners) session.model.imported(importer, owner, contact !== undefined);
  const details = others.map((other) => (contact && others.length === 1 ? contact : other));
  const result = await session.rpc(
    importer,
    {
      _: "contacts.importContacts",
      contacts: details.map((from) => ({
        _: "inputPhoneContact",
        client_id: randomLong(),
        phone: from.phone,
        first_name: from.firstName,
        last_name: from.lastName,
      })),
      replace: false,
    },
    layer,
  );
  const imported = objectsOf(result.imported);
  for (const other of others) {
    check(
      imported.some((i) => i.user_id === other.id),
      "S2-IMPORT",
      {
        subject: `${importer}'s contacts.importContacts of ${other.name}'s registered number`,
        expected: `${other.name} (user ${other.id}) among the imported`,
        actual: `imported ${JSON.stringify(imported.map((i) => i.user_id))}`,
        pointer: "/imported",
      },
    );
  }
  return result;
}

/** `importer` imports `owner`'s number as it arrived in a contact card from `owner` (scenario 2). */
export async function importFromCard(
  session: ConformanceSession,
  importer: string,
  owner: string,
): Promise<TlObject> {
  const from = await session.actor(owner);
  const difference = await differenceSince(session, importer, 0);
  const card = objectsOf(difference.new_messages)
    .filter((m) => m.from_id === from.id)
    .map((m) => m.media)
    .find(
      (m): m is TlObject =>
        isTlObject(m) && m._ === "messageMediaContact" && phoneDigits(m.phone_number) === from.phone,
    );
  check(card !== undefined, "S2-CONTACT-MEDIA", {
    subject: `${importer}'s updates after ${owner} sent own contact`,
    expected: `a messageMediaContact from ${owner} with ${owner}'s phone ${from.phone}`,
    actual: "none",
    pointer: "/new_messages",
  });
  const media = card as TlObject;
  return importNumber(session, importer, owner, {
    phone: String(media.phone_number),
    firstName: String(media.first_name),
    lastName: String(media.last_name),
  });
}

export type DeleteMethod = "contacts.deleteContact" | "contacts.deleteContacts";

/** `deleter` removes `owner` from its contacts. */
export async function deleteContact(
  session: ConformanceSession,
  deleter: string,
  owner: string,
  method: DeleteMethod,
): Promise<TlObject> {
  const [self, other] = (await session.actorsOf(deleter, owner)) as [Actor, Actor];
  const id = session.user(self, other);
  session.model.deleted(deleter, owner);
  return method === "contacts.deleteContact"
    ? session.rpc(deleter, { _: method, id })
    : ((await session.rpc(deleter, { _: method, id: [id] })) as TlObject);
}

/** `maker` makes a chat with the members: the way strangers meet (scenario 2 of the spec). */
export async function meetInChat(
  session: ConformanceSession,
  members: readonly string[],
  maker: string,
): Promise<void> {
  const [makerActor, ...actors] = (await session.actorsOf(maker, ...members)) as [Actor, ...Actor[]];
  const strangers = members.filter((member) => !session.model.hasContact(maker, member));
  if (strangers.length > 0) await importNumbers(session, maker, strangers);
  const made = await session.rpc(maker, {
    _: "messages.createChat",
    users: actors.map((a) => session.user(makerActor, a)),
    title: `tl-conformance ${randomInt(1_000_000)}`,
  });
  const chat = objectsOf(made.chats)[0];
  if (typeof chat?.id !== "number")
    throw new TargetError("TARGET_INCOMPLETE", `${maker}'s messages.createChat answer names no chat`);
  session.chats.push({ id: chat.id, maker, members: [maker, ...members] });
  // Each member learns the others (and their access_hash) from its own update stream.
  await Promise.all(
    members.map(async (member) => {
      await differenceSince(session, member, 0);
      const self = session.actors.get(member) as Actor;
      const missing = actors.find((a) => a.id !== self.id && !self.views.has(a.id));
      if (missing) {
        throw new TargetError(
          "TARGET_INCOMPLETE",
          `${member}'s getDifference after ${maker}'s messages.createChat does not list ${missing.name} among its users`,
        );
      }
    }),
  );
}

/** The id of a message the sender may forward: a note it sends itself, or one it received. */
async function forwardable(
  session: ConformanceSession,
  sender: string,
  from: string | undefined,
): Promise<{ id: number; cardDigits?: string }> {
  const self = await session.actor(sender);
  if (from === undefined) {
    const sent = await session.rpc(sender, {
      _: "messages.sendMessage",
      peer: session.peer(self, self),
      message: "a note to forward",
      random_id: randomLong(),
    });
    return { id: sent.id as number };
  }
  const author = await session.actor(from);
  await differenceSince(session, sender, 0);
  const received = [...(session.boxes.get(sender)?.values() ?? [])]
    .filter((m) => m.fromId === author.id)
    .at(-1);
  if (!received) throw new ScenarioError(`${sender} has no message from ${from} to forward`);
  return { id: received.id, ...(received.cardDigits ? { cardDigits: received.cardDigits } : {}) };
}

export interface SendOptions {
  /** Forward kinds: forward the latest message received from this user instead of a fresh note. */
  forwardFrom?: string;
  /** Contact kind: a card with this user's number (default the sender's own) or these digits. */
  cardOf?: string | { phone: string };
}

async function cardMedia(
  session: ConformanceSession,
  sender: Actor,
  cardOf: SendOptions["cardOf"],
): Promise<TlObject> {
  if (typeof cardOf === "object")
    return { _: "inputMediaContact", phone_number: cardOf.phone, first_name: "Card", last_name: "Holder" };
  const owner = cardOf === undefined ? sender : await session.actor(cardOf);
  return {
    _: "inputMediaContact",
    phone_number: owner.phone,
    first_name: owner.firstName,
    last_name: owner.lastName,
  };
}

/** The call of one send of a kind to a peer (a user or a chat). */
async function sendCall(
  session: ConformanceSession,
  kind: SendKind,
  sender: Actor,
  peer: TlObject,
  options: SendOptions,
): Promise<{ call: TlObject; text: string; cardDigits?: string }> {
  const random_id = randomLong();
  if (kind === "message") {
    const text = `hello from ${sender.name} ${randomInt(1_000_000)}`;
    return { call: { _: "messages.sendMessage", peer, message: text, random_id }, text };
  }
  if (kind === "contact") {
    const media = await cardMedia(session, sender, options.cardOf);
    return {
      call: { _: "messages.sendMedia", peer, media, random_id },
      text: "",
      cardDigits: phoneDigits(media.phone_number),
    };
  }
  if (kind === "geo") {
    const media = { _: "inputMediaGeoPoint", geo_point: { _: "inputGeoPoint", lat: 59.93, long: 30.31 } };
    return { call: { _: "messages.sendMedia", peer, media, random_id }, text: "" };
  }
  const original = await forwardable(session, sender.name, options.forwardFrom);
  const call =
    kind === "forward"
      ? { _: "messages.forwardMessage", peer, id: original.id, random_id }
      : { _: "messages.forwardMessages", peer, id: [original.id] };
  return { call, text: "", ...(original.cardDigits ? { cardDigits: original.cardDigits } : {}) };
}

/** One private send from sender to peer, of a kind, at a layer; its result is checked at once. */
export async function send(
  session: ConformanceSession,
  kind: SendKind,
  sender: string,
  peer: string,
  layer: Layer,
  options: SendOptions = {},
): Promise<SendRecord> {
  if (kind === "forward" && layer < 3)
    throw new ScenarioError("messages.forwardMessage exists from layer 3 on");
  const [from, to] = (await session.actorsOf(sender, peer)) as [Actor, Actor];
  const { call, text, cardDigits } = await sendCall(session, kind, from, session.peer(from, to), options);
  if (cardDigits) session.noteCard(cardDigits, [sender, peer]);
  // The spec's check runs "immediately prior to sending": the send's own answer may show it.
  const event = session.model.messaged(sender, peer);
  const result = await session.rpc(sender, call, layer, event);
  const record: SendRecord = { kind, sender, peer, layer, result, event, text };
  session.sends.push(record);
  checkSendResult(session, record, false);
  return record;
}

/** A send to a chat the sender is in: reveals nothing (docs/semantics.md, Words). */
export async function sendToChat(
  session: ConformanceSession,
  kind: SendKind,
  sender: string,
  chatMaker: string | undefined,
  layer: Layer,
  options: SendOptions = {},
): Promise<SendRecord> {
  const chat = session.chatOf(chatMaker);
  const from = await session.actor(sender);
  const { call, text, cardDigits } = await sendCall(
    session,
    kind,
    from,
    { _: "inputPeerChat", chat_id: chat.id },
    options,
  );
  if (cardDigits) session.noteCard(cardDigits, chat.members);
  const result = await session.rpc(sender, call, layer);
  const record: SendRecord = { kind, sender, peer: undefined, layer, result, event: undefined, text };
  session.sends.push(record);
  return record;
}

/** The user signs in again on a new key; later calls use it. Nothing of the link table changes. */
export async function signInOnNewKey(session: ConformanceSession, name: string): Promise<void> {
  const actor = await session.actor(name);
  actor.session = await signInAgain(session.signUpContext(), actor, session.codeFor(actor.phone));
}

export function lastSend(session: ConformanceSession, sender: string): SendRecord {
  const record = session.sends.filter((s) => s.sender === sender).at(-1);
  if (!record) throw new ScenarioError(`${sender} has sent nothing in this scenario`);
  return record;
}

export { SEND_KINDS };
