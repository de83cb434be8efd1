// Mutants that break one cell of a requirement's grid (docs/requirements.md, "The grid") and
// nothing else: one send kind, at one layer, in one direction. The direction is told apart by
// whether the sender has the peer's number when it sends, as the scenarios of these requirements
// set it up: in scenario 1 (and the layer-3 features, written on it) A has B's number, so A→B is
// a send by the holder; in scenario 2's later reveal B imported A's card, so B→A is.
// test/mutants/cell_matrix.test.ts proves that each cell's scenarios fail against its mutant and
// that a neighbouring cell's scenarios do not.

import { expectedCells } from "../../src/requirements/grid.ts";
import type { Requirement } from "../../src/requirements/index.ts";
import {
  type LinkDelivery,
  type ServerHooks,
  SPEC_HOOKS,
  type TlObject,
  withLinks,
} from "../../src/server/index.ts";
import type { StartTarget } from "../servers.ts";
import {
  type Breaker,
  beforeTheCheck,
  demotesTheContact,
  flipsMutual,
  myLinkContactForRequested,
} from "./cell_breakers.ts";
import { type Current, spaced, tracking } from "./grid_catalogue.ts";
import { asForeign, everyObject, linkOf } from "./rewrite.ts";

export interface Cell {
  requirement: string;
  send: string;
  layer: number;
  direction: string;
}

/** The grid's name of the send being served, or undefined for anything else. */
function sendOf(now: Current): string | undefined {
  if (now.method !== "messages.sendMedia") return now.method;
  if (now.media === "inputMediaContact") return "messages.sendMedia with own contact";
  if (now.media === "inputMediaGeoPoint") return "messages.sendMedia with a geo point";
  return undefined;
}

/**
 * Whether the sender of a send in this cell has the peer's number (see the header), or undefined
 * where the two cannot be told apart that way: strangers (neither has the other's), or a grid of
 * one direction. Such a cell's mutant breaks its send kind at its layer whoever sends.
 */
function senderHolds(cell: Cell): boolean | undefined {
  if (BREAKERS[cell.requirement]?.eitherDirection) return undefined;
  return (cell.requirement === "S2-LATER-REVEAL") !== (cell.direction === "A→B");
}

interface CellBreaker {
  what: string;
  /** How a private send of the cell deviates (absent where `chat` or `mutant` makes the mutant). */
  breaks?: Breaker;
  /**
   * Requirements a cell's scenario may fail on first, beside the cell's own: at layer 3 a reveal
   * that did not happen shows first in the send result's links, which are checked as the result
   * arrives, before any view is read.
   */
  alsoFailsOn?: (cell: Cell) => string[];
  /** The mutant cannot tell the directions apart (senderHolds). */
  eitherDirection?: boolean;
  /** Sends to a chat: revealOnMessage runs for private sends only, so these cells have their own mutant. */
  chat?: (cell: Cell) => StartTarget;
  /** A mutant of its own for every cell, where the deviation is not in a send's reveal, result or updates. */
  mutant?: (cell: Cell) => StartTarget;
}

const atLayer3 = (cell: Cell) => (cell.layer === 3 ? ["L3-LINKS-IN-RESULT"] : []);

/** What each requirement's cell mutant breaks in its cell. */
const BREAKERS: Readonly<Record<string, CellBreaker>> = {
  "S1-REVEAL": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
  "S1-REVEAL-REVERSE": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
  "S2-LATER-REVEAL": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
  "S2-CONTACT-MEDIA": {
    what: "arrives with another phone number",
    // Strangers, who never met: the sender has the receiver's number neither way.
    eitherDirection: true,
    mutant: (cell) =>
      tracking((now) => ({
        request: (call) =>
          serves(now(), cell.send, cell.layer) ? withCardPhone(call as TlObject, otherLastDigit) : call,
      })),
  },
  "S2-IMPORT": {
    what: "is not imported: an import of the number on it imports nothing",
    mutant: (cell) =>
      cardCellMutant(cell, (noted) => ({
        request(call) {
          const c = call as TlObject;
          if (c._ !== "contacts.importContacts" || !Array.isArray(c.contacts)) return call;
          return {
            ...c,
            contacts: c.contacts.filter((x) => !noted.phones.has(String((x as TlObject).phone))),
          };
        },
      })),
  },
  "S2-IMPORT-NO-REVEAL": {
    what: "reveals the importer's number to its sender once the receiver imports the number on it",
    mutant: (cell) =>
      cardCellMutant(cell, (noted) => ({
        afterImport(c) {
          for (const id of c.importedIds) if (noted.senders.has(id)) c.reveal(id, c.importerId);
        },
      })),
  },
  "L3-LINKS-IN-RESULT": {
    what: "returns the plain constructor",
    breaks: (inCell) => ({ sendResult: (plain, _c, standard) => (inCell() ? plain : standard()) }),
  },
  "S2-NO-REVEAL": {
    what: "reveals both numbers",
    breaks: (inCell) => ({
      revealOnMessage: (c) => {
        SPEC_HOOKS.revealOnMessage(c);
        if (!inCell()) return;
        c.reveal(c.peerId, c.senderId);
        c.reveal(c.senderId, c.peerId);
      },
    }),
    // Strangers: neither has the other's number whichever sends, and each scenario messages
    // both ways.
    eitherDirection: true,
    chat: chatReveal,
  },
  "S1-NO-EARLY-REVEAL": {
    what: "reveals the numbers of the sender and every member to each other",
    // Both members message the chat in each scenario, so either may be the sender.
    eitherDirection: true,
    chat: chatReveal,
  },
  "L3-LINK-USER": {
    what: "shows the peer in its result's link as userForeign without a phone",
    breaks: (inCell) => ({
      sendResult: (_plain, _c, standard) => {
        const result = standard();
        if (!inCell()) return result;
        return everyObject(result, (o) => {
          if (o._ === "contacts.link" && typeof o.user === "object" && o.user !== null)
            o.user = asForeign(o.user as TlObject);
        }) as TlObject;
      },
    }),
  },
  "L3-NO-CHANGE": {
    what: "returns a *Link result with the peer's link although it changed nothing",
    breaks: (inCell) => ({
      sendResult: (plain, c, standard) => {
        if (!inCell() || c.changes.length > 0 || c.peerId === 0) return standard();
        const link = linkOf(c.renderUser(c.peerId), "contacts.myLinkEmpty", "contacts.foreignLinkUnknown");
        return withLinks(plain, [link]);
      },
    }),
    // One direction only (A→B), between strangers and between contacts alike.
    eitherDirection: true,
  },
  "L3-LAYER-GATE": {
    what: "returns the *Link constructor (with no links) before layer 3",
    breaks: (inCell) => ({
      sendResult: (plain, _c, standard) => (inCell() ? withLinks(plain, []) : standard()),
    }),
  },
  "L3-NO-SELF-UPDATE": {
    what: "also sends the sender updateContactLink for its own changes",
    breaks: (inCell) => ({
      linkUpdates: (deliveries, c) =>
        inCell()
          ? [
              ...deliveries,
              ...c.changes
                .filter((ch) => ch.viewerId === c.actorId)
                .map((change): LinkDelivery => ({ recipientId: c.actorId, change })),
            ]
          : deliveries,
    }),
  },
  "S1-BEFORE-SEND": {
    what: "shows the user its check revealed as that user stood before the check (the update delivering it, the sender's result)",
    breaks: beforeTheCheck,
    // A→B: the update that delivers the message is one of the views S1-REVEAL names (the users
    // of B's updates.getDifference), and every answer's users are checked as it arrives, so the
    // stale delivery is reported as S1-REVEAL, in the step of S1-BEFORE-SEND.
    alsoFailsOn: (cell) => (cell.direction === "A→B" ? ["S1-REVEAL"] : []),
  },
  "S3-STABLE": {
    what: "makes its receiver see the sender as userRequest from then on, though both have each other's number",
    breaks: demotesTheContact,
    // Mutual contacts: both have each other's number whichever sends, and each scenario messages both ways.
    eitherDirection: true,
  },
  "CONTACTS-MUTUAL": {
    what: "turns the other's `mutual` around in both users' contacts.getContacts from then on",
    breaks: flipsMutual,
    // The mutual contacts' scenarios message both ways, where both senders have the other's number.
    eitherDirection: true,
  },
  "LINK-VALUES": {
    what: "shows the user who has the other's number myLinkContact, not myLinkRequested(contact=true), from then on",
    breaks: myLinkContactForRequested,
  },
  PRIVACY: {
    what: "writes a phone its receivers may not see (the sender's, or the one on the card it sends or forwards) into the text of its messages to them",
    mutant: leaksInText,
  },
  "LINK-PEER-UPDATE": {
    what: "sends the other party no updateContactLink",
    breaks: (inCell) => ({
      linkUpdates: (deliveries, c) =>
        inCell() ? deliveries.filter((d) => d.recipientId === c.actorId) : deliveries,
    }),
  },
};

const CHAT = " to a chat";

/** Whether the request being served is a send of this kind (the grid's name) at this layer. */
function serves(now: Current, send: string, layer: number): boolean {
  return now.layer === layer && sendOf(now) === send;
}

/** Another last digit, never the same one. */
const otherLastDigit = (phone: string) => `${phone.slice(0, -1)}${phone.endsWith("0") ? "1" : "0"}`;

/** A mutant that notes each card sent in the cell (the phone on it, its sender) and deviates later. */
function cardCellMutant(
  cell: Cell,
  make: (noted: { phones: Set<string>; senders: Set<number> }) => Partial<ServerHooks>,
): StartTarget {
  return tracking((now) => {
    const noted = { phones: new Set<string>(), senders: new Set<number>() };
    const hooks = make(noted);
    return {
      ...hooks,
      request(call, context) {
        if (serves(now(), cell.send, cell.layer)) {
          noted.phones.add(String(((call as TlObject).media as TlObject).phone_number));
          if (context.accountId !== undefined) noted.senders.add(context.accountId);
        }
        return hooks.request ? hooks.request(call, context) : call;
      },
    };
  });
}

function withCardPhone(call: TlObject, change: (phone: string) => string): TlObject {
  const media = call.media as TlObject;
  return { ...call, media: { ...media, phone_number: change(String(media.phone_number)) } };
}

/** The user ids a call names by InputUser (the members a messages.createChat asks for). */
const userIds = (list: unknown) =>
  Array.isArray(list)
    ? list.flatMap((u) =>
        typeof (u as TlObject)?.user_id === "number" ? [(u as TlObject).user_id as number] : [],
      )
    : [];

/**
 * A chat send of the cell's kind at its layer reveals the sender's and every other member's
 * numbers to each other, right after it is stored. The mutant learns each chat's members from
 * the messages.createChat it serves (the maker and the users it names, the chat id from the
 * answer), since no hook is handed the chat.
 */
function chatReveal(cell: Cell): StartTarget {
  const send = cell.send.slice(0, -CHAT.length);
  return tracking((now) => {
    const members = new Map<number, number[]>();
    let making: number[] | undefined;
    let toChat: { chat: number; sender: number } | undefined;
    return {
      request(call, context) {
        const c = call as TlObject;
        const peer = c.peer as TlObject | undefined;
        toChat = undefined;
        if (c._ === "messages.createChat" && context.accountId !== undefined)
          making = [context.accountId, ...userIds(c.users)];
        if (
          peer?._ === "inputPeerChat" &&
          typeof peer.chat_id === "number" &&
          context.accountId !== undefined
        )
          toChat = { chat: peer.chat_id, sender: context.accountId };
        return call;
      },
      afterCall(c) {
        const current = now();
        if (!toChat || !serves(current, send, cell.layer)) return;
        for (const member of members.get(toChat.chat) ?? []) {
          if (member === toChat.sender) continue;
          c.reveal(member, toChat.sender);
          c.reveal(toChat.sender, member);
        }
      },
      response(body, context) {
        if (context.method === "messages.createChat" && making) {
          const chat = (body as TlObject | undefined)?.chats;
          const id = Array.isArray(chat) ? (chat[0] as TlObject | undefined)?.id : undefined;
          if (typeof id === "number") members.set(id, making);
          making = undefined;
        }
        return body;
      },
    };
  });
}

/**
 * PRIVACY: from the cell's send on, the text of every message from its sender, in every answer to
 * anyone else, ends in a phone written +999 66 1 2345: for a send to a chat the sender's own, for
 * a third user's card the card's, for a forward the one on the card the forwarder received last.
 * The mutant learns phones from the auth.signUp calls and cards from the sendMedia calls it serves.
 */
function leaksInText(cell: Cell): StartTarget {
  const toChat = cell.send.endsWith(CHAT);
  const kind = toChat ? cell.send.slice(0, -CHAT.length) : cell.send.replace(/ of a received message$/, "");
  return tracking((now) => {
    const phones = new Map<number, string>();
    const cardReceived = new Map<number, string>();
    const leaks = new Map<number, string>();
    const leakOf = (sender: number, peer: TlObject | undefined, media: TlObject | undefined) => {
      const current = now();
      if (current.layer !== cell.layer || (peer?._ === "inputPeerChat") !== toChat) return undefined;
      if (toChat) return sendOf(current) === kind ? phones.get(sender) : undefined;
      if (kind.endsWith("card")) {
        const card = media?._ === "inputMediaContact" ? String(media.phone_number) : undefined;
        return current.method === "messages.sendMedia" && card !== phones.get(sender) ? card : undefined;
      }
      return current.method === kind ? cardReceived.get(sender) : undefined;
    };
    return {
      afterCall(c) {
        if (c.accountId === undefined) return;
        if (c.method === "auth.signUp") phones.set(c.accountId, String(c.call.phone_number));
        const peer = c.call.peer as TlObject | undefined;
        const media = c.call.media as TlObject | undefined;
        const leak = leakOf(c.accountId, peer, media);
        if (leak !== undefined) leaks.set(c.accountId, leak);
        if (media?._ === "inputMediaContact" && typeof peer?.user_id === "number")
          cardReceived.set(peer.user_id, String(media.phone_number));
      },
      response(body, c) {
        if (leaks.size === 0) return body;
        return everyObject(body, (o) => {
          const leak = leaks.get(o.from_id as number);
          if (leak === undefined || o.from_id === c.accountId || typeof o.message !== "string") return;
          if (o._ === "message" || o._ === "messageForwarded") o.message = `${o.message} ${spaced(leak)}`;
        });
      },
    };
  });
}

function revealBreaker(inCell: () => boolean): ReturnType<Breaker> {
  return { revealOnMessage: (c) => (inCell() ? undefined : SPEC_HOOKS.revealOnMessage(c)) };
}

export const CELL_REQUIREMENTS = Object.keys(BREAKERS);

/** Whether the requirement's cell mutants can break this cell of its grid. */
function cellCovered(cell: Cell): boolean {
  const breaker = BREAKERS[cell.requirement];
  if (breaker === undefined) return false;
  return breaker.mutant !== undefined || !cell.send.endsWith(CHAT) || breaker.chat !== undefined;
}

/** A requirement's cells that can exist (its grid's, but the n/a ones), and those a cell mutant can break. */
export function cellsOf(requirement: Requirement): { all: Cell[]; covered: Cell[] } {
  const all = expectedCells(requirement.grid ?? [])
    .filter((e) => e.notApplicable === undefined)
    .map((e) => ({ requirement: requirement.id, send: e.send, layer: e.layer, direction: e.direction }));
  return { all, covered: all.filter(cellCovered) };
}

/** What a cell mutant of this requirement does in its cell. */
export function cellBreak(requirement: string): string {
  return BREAKERS[requirement]?.what ?? "?";
}

/** The requirements a scenario of the cell may fail on against its mutant. */
export function cellFailsOn(cell: Cell): string[] {
  return [cell.requirement, ...(BREAKERS[cell.requirement]?.alsoFailsOn?.(cell) ?? [])];
}

/** What the cell's mutant does, in words. */
export function cellDeviation(cell: Cell): string {
  const breaker = BREAKERS[cell.requirement];
  const way = breaker?.eitherDirection ? `(${cell.direction}; either way)` : cell.direction;
  return `${cell.send} at layer ${cell.layer} ${way} ${breaker?.what ?? "?"}; every other send is right`;
}

/** The server that breaks only this cell. */
export function cellMutant(cell: Cell): StartTarget {
  const breaker = BREAKERS[cell.requirement];
  if (!breaker) throw new Error(`no cell mutants for ${cell.requirement}`);
  if (breaker.mutant) return breaker.mutant(cell);
  if (cell.send.endsWith(CHAT)) {
    if (!breaker.chat) throw new Error(`no cell mutants for ${cell.requirement}'s sends to a chat`);
    return breaker.chat(cell);
  }
  const holds = senderHolds(cell);
  return tracking((now) => {
    // Whether the sender had the peer's number, read by the reveal hook of the send being served
    // (it runs before the result and the updates are made); undefined for anything but a send.
    let sender: { holds: boolean; request: Current } | undefined;
    const inCell = () => {
      const current = now();
      return (
        sender?.request === current &&
        (holds === undefined || sender.holds === holds) &&
        serves(current, cell.send, cell.layer)
      );
    };
    const broken = breaker.breaks?.(inCell) ?? {};
    return {
      ...broken,
      revealOnMessage(c) {
        sender = { holds: c.hasContact(c.senderId, c.peerId), request: now() };
        (broken.revealOnMessage ?? SPEC_HOOKS.revealOnMessage)(c);
      },
    };
  });
}
