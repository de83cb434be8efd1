// ERRORS, addressing: a call that names a user or peer in a way the caller may not use, for every
// method of the binding that takes one (docs/semantics.md, ERRORS).

import { randomInt } from "node:crypto";
import type { Actor } from "./actors.ts";
import { ScenarioError } from "./failure.ts";
import { randomLong } from "./operations.ts";
import type { ConformanceSession } from "./session.ts";
import type { TlObject } from "./tl_json.ts";

// inputPeerSelf / inputUserSelf are not here: a caller may always name itself. The Empty kinds
// name nobody, so no method that needs a user or peer can take them.
export const BAD_INPUTS = [
  "inputPeerEmpty",
  "inputPeerContact",
  "inputPeerForeign with a wrong hash",
  "inputPeerForeign of an unknown user",
  "inputPeerChat of D's chat",
  "inputUserEmpty",
  "inputUserContact",
  "inputUserForeign with a wrong hash",
  "inputUserForeign of an unknown user",
] as const;
export type BadInput = (typeof BAD_INPUTS)[number];

type Build = (input: TlObject, note: number) => TlObject;

const PEER_METHODS: Record<string, Build> = {
  "messages.sendMessage": (peer) => ({
    _: "messages.sendMessage",
    peer,
    message: "hello",
    random_id: randomLong(),
  }),
  "messages.sendMedia": (peer) => ({
    _: "messages.sendMedia",
    peer,
    media: { _: "inputMediaGeoPoint", geo_point: { _: "inputGeoPoint", lat: 1, long: 2 } },
    random_id: randomLong(),
  }),
  "messages.forwardMessage": (peer, note) => ({
    _: "messages.forwardMessage",
    peer,
    id: note,
    random_id: randomLong(),
  }),
  "messages.forwardMessages": (peer, note) => ({ _: "messages.forwardMessages", peer, id: [note] }),
};

const USER_METHODS: Record<string, Build> = {
  "users.getUsers": (user) => ({ _: "users.getUsers", id: [user] }),
  "users.getFullUser": (user) => ({ _: "users.getFullUser", id: user }),
  "contacts.deleteContact": (user) => ({ _: "contacts.deleteContact", id: user }),
  "contacts.deleteContacts": (user) => ({ _: "contacts.deleteContacts", id: [user] }),
  "messages.createChat": (user) => ({ _: "messages.createChat", users: [user], title: "tl-conformance" }),
};

export const ADDRESSING_METHODS = [...Object.keys(PEER_METHODS), ...Object.keys(USER_METHODS)];

/** The bad inputs a method can be called with: InputPeer kinds for the sends, InputUser ones for the rest. */
export function badInputsFor(method: string): BadInput[] {
  const peer = method in PEER_METHODS;
  return BAD_INPUTS.filter((input) => input.startsWith("inputPeer") === peer);
}

/** A long that differs from the given one (a hash the caller was never given). */
export function otherHash(hash: string): string {
  const n = BigInt(hash);
  return (n === 9223372036854775807n ? n - 1n : n + 1n).toString();
}

/** An id no user of the scenario has. */
function unknownId(session: ConformanceSession): number {
  const ids = [...session.actors.values()].map((a) => a.id);
  return Math.min(2 ** 31 - 1, Math.max(0, ...ids) + 1_000_000 + randomInt(1_000_000));
}

async function badInput(
  session: ConformanceSession,
  caller: string,
  named: string,
  input: BadInput,
): Promise<TlObject> {
  const [self, other] = (await session.actorsOf(caller, named)) as [Actor, Actor];
  const hash = self.views.get(other.id)?.access_hash;
  const wrongHash = () => {
    if (typeof hash !== "string")
      throw new ScenarioError(`${caller} was never given an access_hash for ${named}`);
    return otherHash(hash);
  };
  switch (input) {
    case "inputPeerEmpty":
      return { _: "inputPeerEmpty" };
    case "inputUserEmpty":
      return { _: "inputUserEmpty" };
    case "inputPeerContact":
      return { _: "inputPeerContact", user_id: other.id };
    case "inputPeerForeign with a wrong hash":
      return { _: "inputPeerForeign", user_id: other.id, access_hash: wrongHash() };
    case "inputPeerForeign of an unknown user":
      return { _: "inputPeerForeign", user_id: unknownId(session), access_hash: randomLong() };
    case "inputPeerChat of D's chat":
      return { _: "inputPeerChat", chat_id: session.chatOf("D").id };
    case "inputUserContact":
      return { _: "inputUserContact", user_id: other.id };
    case "inputUserForeign with a wrong hash":
      return { _: "inputUserForeign", user_id: other.id, access_hash: wrongHash() };
    case "inputUserForeign of an unknown user":
      return { _: "inputUserForeign", user_id: unknownId(session), access_hash: randomLong() };
  }
}

/** The call of `method` naming `named` by a bad input; `note` is a message id the caller owns. */
export async function addressingCall(
  session: ConformanceSession,
  caller: string,
  method: string,
  named: string,
  input: BadInput,
  note: number,
): Promise<TlObject> {
  const isPeer = input.startsWith("inputPeer");
  const build = (isPeer ? PEER_METHODS : USER_METHODS)[method];
  if (!build) throw new ScenarioError(`${method} takes no ${isPeer ? "InputPeer" : "InputUser"}`);
  return build(await badInput(session, caller, named, input), note);
}

/** Whether the method forwards a message, so an addressing call of it needs a note the caller owns. */
export function needsNote(method: string): boolean {
  return method === "messages.forwardMessage" || method === "messages.forwardMessages";
}

/** The caller sends itself a message: a message id it owns, for the forwards of an addressing call. */
export async function writeNote(session: ConformanceSession, name: string): Promise<number> {
  const self = await session.actor(name);
  const sent = await session.rpc(name, {
    _: "messages.sendMessage",
    peer: session.peer(self, self),
    message: "a note",
    random_id: randomLong(),
  });
  return sent.id as number;
}
