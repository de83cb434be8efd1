// The grid a requirement promises (docs/requirements.yaml, `grid`): which send kinds, layers and
// directions its scenarios must exercise, and the cells that cannot exist, with why. The names
// are the rows and columns of docs/requirements.md's grid (src/cli/requirement_grid.ts reads
// them from the features' steps), so a promise and what the features do compare cell by cell.

/** The private sends of docs/semantics.md's Words ("a message"), as the grid names them. */
export const PRIVATE_SENDS = [
  "messages.sendMessage",
  "messages.sendMedia with own contact",
  "messages.sendMedia with a geo point",
  "messages.forwardMessages",
  "messages.forwardMessage",
] as const;

/** The same kinds sent to a chat. */
export const CHAT_SENDS = PRIVATE_SENDS.map((send) => `${send} to a chat`);

/** Sends whose content is another user's: a card of a third user's number, a forward of a message received. */
export const OTHER_SENDS = [
  "messages.sendMedia with a third user's card",
  "messages.forwardMessages of a received message",
  "messages.forwardMessage of a received message",
] as const;

export const SEND_ROWS: readonly string[] = [...PRIVATE_SENDS, ...CHAT_SENDS, ...OTHER_SENDS];

/** Names for a whole group of rows. */
export const SEND_GROUPS: Readonly<Record<string, readonly string[]>> = {
  "every private send": PRIVATE_SENDS,
  "every send to a chat": CHAT_SENDS,
};

/** A→B is the scenario's first user messaging its second; →chat a message to their chat. */
export const DIRECTIONS = ["A→B", "B→A", "A→chat", "B→chat", "C→B"] as const;

export type GridLayer = 1 | 2 | 3;

export interface GridException {
  /** Rows (or groups) the exception covers. */
  sends: readonly string[];
  /** The layers it covers; every layer of the grid when absent. */
  layers?: readonly GridLayer[];
  /** The directions it covers; every direction of the grid when absent. */
  directions?: readonly string[];
  /** Why these cells cannot be checked, shown in their place. */
  why: string;
}

export interface GridSpec {
  sends: readonly string[];
  layers: readonly GridLayer[];
  directions: readonly string[];
  except?: readonly GridException[];
}

export interface ExpectedCell {
  send: string;
  layer: GridLayer;
  direction: string;
  /** Set when the cell cannot exist: why. */
  notApplicable?: string;
}

const FORWARD_MESSAGE_ONLY_AT_3 = "messages.forwardMessage exists only at layer 3";

export function expandSends(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((name) => SEND_GROUPS[name] ?? [name]))];
}

/** Every cell of a grid's blocks: each send × layer × direction, those that cannot exist marked with why. */
export function expectedCells(grid: readonly GridSpec[]): ExpectedCell[] {
  return grid.flatMap(blockCells);
}

function blockCells(spec: GridSpec): ExpectedCell[] {
  const cells: ExpectedCell[] = [];
  for (const send of expandSends(spec.sends))
    for (const layer of spec.layers)
      for (const direction of spec.directions) {
        const excepted = (spec.except ?? []).find(
          (e) =>
            expandSends(e.sends).includes(send) &&
            (e.layers ?? spec.layers).includes(layer) &&
            (e.directions ?? spec.directions).includes(direction),
        );
        const forwardMessage =
          send === "messages.forwardMessage" || send.startsWith("messages.forwardMessage ");
        const notApplicable = forwardMessage && layer < 3 ? FORWARD_MESSAGE_ONLY_AT_3 : excepted?.why;
        cells.push({ send, layer, direction, ...(notApplicable ? { notApplicable } : {}) });
      }
  return cells;
}
