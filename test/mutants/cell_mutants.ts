// Mutants that break one cell of a requirement's grid (docs/requirements.md, "The grid") and
// nothing else: one send kind, at one layer, in one direction. The direction is told apart by
// whether the sender has the peer's number when it sends, as the scenarios of these requirements
// set it up: in scenario 1 (and the layer-3 features, written on it) A has B's number, so A→B is
// a send by the holder; in scenario 2's later reveal B imported A's card, so B→A is.
// test/mutants/cell_matrix.test.ts proves that each cell's scenarios fail against its mutant and
// that a neighbouring cell's scenarios do not.
import {
  type LinkDelivery,
  type ServerHooks,
  SPEC_HOOKS,
  type TlObject,
  withLinks,
} from "../../src/server/index.ts";
import type { StartTarget } from "../servers.ts";
import { type Current, tracking } from "./grid_catalogue.ts";
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

type Breaker = (inCell: () => boolean) => Partial<ServerHooks>;

interface CellBreaker {
  what: string;
  breaks: Breaker;
  /**
   * Requirements a cell's scenario may fail on first, beside the cell's own: at layer 3 a reveal
   * that did not happen shows first in the send result's links, which are checked as the result
   * arrives, before any view is read.
   */
  alsoFailsOn?: (cell: Cell) => string[];
  /** The mutant cannot tell the directions apart (senderHolds). */
  eitherDirection?: boolean;
  /** The cells it can break, where the grid has more (undefined: all). */
  covers?: (cell: Cell) => boolean;
}

const atLayer3 = (cell: Cell) => (cell.layer === 3 ? ["L3-LINKS-IN-RESULT"] : []);

/** What each requirement's cell mutant breaks in its cell. */
const BREAKERS: Readonly<Record<string, CellBreaker>> = {
  "S1-REVEAL": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
  "S1-REVEAL-REVERSE": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
  "S2-LATER-REVEAL": { what: "reveals nothing", breaks: revealBreaker, alsoFailsOn: atLayer3 },
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
    // both ways. The reveal rule runs for private sends only; the chat block has no cell mutant.
    eitherDirection: true,
    covers: (cell) => !cell.send.endsWith(" to a chat"),
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
  "LINK-PEER-UPDATE": {
    what: "sends the other party no updateContactLink",
    breaks: (inCell) => ({
      linkUpdates: (deliveries, c) =>
        inCell() ? deliveries.filter((d) => d.recipientId === c.actorId) : deliveries,
    }),
  },
};

function revealBreaker(inCell: () => boolean): ReturnType<Breaker> {
  return { revealOnMessage: (c) => (inCell() ? undefined : SPEC_HOOKS.revealOnMessage(c)) };
}

export const CELL_REQUIREMENTS = Object.keys(BREAKERS);

/** Whether the requirement's cell mutants can break this cell of its grid. */
export function cellCovered(cell: Cell): boolean {
  return BREAKERS[cell.requirement]?.covers?.(cell) ?? true;
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
        current.layer === cell.layer &&
        sendOf(current) === cell.send
      );
    };
    const broken = breaker.breaks(inCell);
    return {
      ...broken,
      revealOnMessage(c) {
        sender = { holds: c.hasContact(c.senderId, c.peerId), request: now() };
        (broken.revealOnMessage ?? SPEC_HOOKS.revealOnMessage)(c);
      },
    };
  });
}
