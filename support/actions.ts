// The domain operations steps are made of: meeting, importing, sending. Each records what the
// spec says follows from it in the oracle, so later checks know what to expect.
import { randomBytes, randomInt } from "node:crypto";
import { TargetError } from "../src/client/index.ts";
import type { Layer } from "../src/tl/index.ts";
import { check, ScenarioError } from "./failure.ts";
import { inputPeer, inputUser } from "./peers.ts";
import type { Role } from "./spec_oracle.ts";
import { isTlObject, type TlObject } from "./tl_json.ts";
import type { ConformanceWorld } from "./world.ts";

export function randomLong(): string {
  return BigInt.asIntN(64, randomBytes(8).readBigUInt64BE(0)).toString();
}

/** `importer` imports `owner`'s number (the spec's "has the number"). Returns the answer. */
export async function importNumber(
  world: ConformanceWorld,
  importer: Role,
  owner: Role,
  layer?: Layer,
): Promise<TlObject> {
  const other = await world.actor(owner);
  // The import's own answer may already show the number: the fact holds from the request on.
  world.oracle.imported(importer, owner);
  const result = await world.rpc(
    importer,
    {
      _: "contacts.importContacts",
      contacts: [
        {
          _: "inputPhoneContact",
          client_id: randomLong(),
          phone: other.phone,
          first_name: other.firstName,
          last_name: other.lastName,
        },
      ],
      replace: false,
    },
    layer,
  );
  const imported = Array.isArray(result.imported) ? result.imported.filter(isTlObject) : [];
  check(
    imported.some((i) => i.user_id === other.id),
    "S2-IMPORT",
    {
      subject: `${importer}'s contacts.importContacts of ${owner}'s registered number`,
      expected: `${owner} (user ${other.id}) among the imported`,
      actual: `imported ${JSON.stringify(imported.map((i) => i.user_id))}`,
      pointer: "/imported",
    },
  );
  return result;
}

/** The pts of a role's update stream now (for "since the send" checks). */
export async function ptsOf(world: ConformanceWorld, role: Role): Promise<number> {
  const state = await world.rpc(role, { _: "updates.getState" });
  return state.pts as number;
}

/** Everything a role's update stream holds after a pts: one getDifference. */
export async function differenceSince(world: ConformanceWorld, role: Role, pts: number): Promise<TlObject> {
  return world.rpc(role, { _: "updates.getDifference", pts, date: 0 });
}

/** C makes a chat with A and B: the way two strangers meet (scenario 2 of the spec). */
export async function meetInChat(world: ConformanceWorld, a: Role, b: Role, maker: Role): Promise<void> {
  const [first, second] = [await world.actor(a), await world.actor(b)];
  const makerActor = await world.actor(maker);
  for (const role of [a, b])
    if (!world.oracle.hasContact(maker, role)) await importNumber(world, maker, role);
  const made = await world.rpc(maker, {
    _: "messages.createChat",
    users: [inputUser(makerActor, first), inputUser(makerActor, second)],
    title: `tl-conformance ${randomInt(1_000_000)}`,
  });
  const chats = Array.isArray(made.chats) ? made.chats.filter(isTlObject) : [];
  world.chatId = chats[0]?.id as number | undefined;
  // Each participant learns the others (and their access_hash) from its own update stream.
  for (const [role, other] of [
    [a, second],
    [b, first],
  ] as const) {
    await differenceSince(world, role, 0);
    const actor = await world.actor(role);
    if (!actor.views.has(other.id)) {
      throw new TargetError(
        "TARGET_MISSING_USER",
        `${role}'s getDifference after ${maker}'s messages.createChat does not list ${other.role} among its users`,
      );
    }
  }
}

export type SendKind = "message" | "contact" | "forward" | "forwards";

const METHOD_OF: Record<SendKind, string> = {
  message: "messages.sendMessage",
  contact: "messages.sendMedia",
  forward: "messages.forwardMessage",
  forwards: "messages.forwardMessages",
};

async function ownMessageId(world: ConformanceWorld, sender: Role): Promise<number> {
  const self = await world.actor(sender);
  const sent = await world.rpc(sender, {
    _: "messages.sendMessage",
    peer: inputPeer(self, self),
    message: "a note to forward",
    random_id: randomLong(),
  });
  return sent.id as number;
}

/** One private send from sender to peer, of the given kind, at a layer; records marks and facts. */
export async function send(
  world: ConformanceWorld,
  kind: SendKind,
  sender: Role,
  peer: Role,
  layer: Layer,
): Promise<TlObject> {
  const [from, to] = [await world.actor(sender), await world.actor(peer)];
  const forwardId = kind === "forward" || kind === "forwards" ? await ownMessageId(world, sender) : 0;
  for (const role of [sender, peer]) {
    const pts = await ptsOf(world, role);
    world.lastMarks.set(role, pts);
    if (!world.firstMarks.has(role)) world.firstMarks.set(role, pts);
  }
  world.layer = layer;
  const text = `hello from ${sender} ${randomInt(1_000_000)}`;
  const peerInput = inputPeer(from, to);
  const calls: Record<SendKind, TlObject> = {
    message: { _: "messages.sendMessage", peer: peerInput, message: text, random_id: randomLong() },
    contact: {
      _: "messages.sendMedia",
      peer: peerInput,
      media: {
        _: "inputMediaContact",
        phone_number: from.phone,
        first_name: from.firstName,
        last_name: from.lastName,
      },
      random_id: randomLong(),
    },
    forward: { _: "messages.forwardMessage", peer: peerInput, id: forwardId, random_id: randomLong() },
    forwards: { _: "messages.forwardMessages", peer: peerInput, id: [forwardId] },
  };
  // The spec's check runs "immediately prior to sending": the send's own answer may show it.
  world.oracle.messaged(sender, peer);
  const result = await world.rpc(sender, calls[kind], layer);
  world.sends.push({ sender, peer, method: METHOD_OF[kind], layer, result, text });
  return result;
}

export function lastSend(world: ConformanceWorld, sender: Role) {
  const record = world.sends.filter((s) => s.sender === sender).at(-1);
  if (!record) throw new ScenarioError(`${sender} has sent nothing in this scenario`);
  return record;
}

/** The contacts.link entries of a send result ([] for a plain constructor). */
export function linksOf(result: TlObject): TlObject[] {
  return Array.isArray(result.links) ? result.links.filter(isTlObject) : [];
}

/** B imports A's number as it arrived in A's contact message (scenario 2). */
export async function importFromContactMessage(
  world: ConformanceWorld,
  importer: Role,
  owner: Role,
): Promise<TlObject> {
  const from = await world.actor(owner);
  const difference = await differenceSince(world, importer, 0);
  const media = (Array.isArray(difference.new_messages) ? difference.new_messages : [])
    .filter(isTlObject)
    .map((m) => m.media)
    .find(
      (m): m is TlObject => isTlObject(m) && m._ === "messageMediaContact" && m.phone_number === from.phone,
    );
  check(media !== undefined, "S2-CONTACT-MEDIA", {
    subject: `${importer}'s updates after ${owner} sent own contact`,
    expected: `a messageMediaContact with ${owner}'s phone ${from.phone}`,
    actual: "none",
    pointer: "/new_messages",
  });
  const contact = media as TlObject;
  world.oracle.imported(importer, owner);
  const result = await world.rpc(importer, {
    _: "contacts.importContacts",
    contacts: [
      {
        _: "inputPhoneContact",
        client_id: randomLong(),
        phone: contact.phone_number,
        first_name: contact.first_name,
        last_name: contact.last_name,
      },
    ],
    replace: false,
  });
  return result;
}
