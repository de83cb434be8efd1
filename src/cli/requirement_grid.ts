// The grid of docs/requirements.md: for each requirement, which send kind, layer and direction
// the scenarios tagged with it exercise, and on which feature line. It is read from the pickles'
// own steps, so it says what the features do, not what they were meant to do.
import type { Pickle } from "@cucumber/messages";
import { type ExpectedCell, expectedCells } from "../requirements/grid.ts";
import { REQUIREMENTS, type Requirement, requirementIdsOfTags } from "../requirements/index.ts";

export interface GridCell {
  requirement: string;
  send: string;
  layer: number;
  direction: string;
  where: string;
}

const SEND_STEPS: {
  pattern: RegExp;
  read(m: RegExpExecArray): { send: string; from: string; to: string; layer: number };
}[] = [
  {
    pattern: /^([A-E]) messages ([A-E]) by (.+) at layer ([123])$/,
    read: (m) => ({ from: m[1] ?? "", to: m[2] ?? "", send: m[3] ?? "", layer: Number(m[4]) }),
  },
  {
    pattern: /^([A-E]) sends own contact to ([A-E]) at layer ([123])$/,
    read: (m) => ({
      from: m[1] ?? "",
      to: m[2] ?? "",
      send: "messages.sendMedia with own contact",
      layer: Number(m[3]),
    }),
  },
  {
    pattern: /^([A-E]) sends [A-E]'s contact card to ([A-E]) at layer ([123])$/,
    read: (m) => ({
      from: m[1] ?? "",
      to: m[2] ?? "",
      send: "messages.sendMedia with a third user's card",
      layer: Number(m[3]),
    }),
  },
  {
    pattern: /^([A-E]) forwards to ([A-E]) the latest message from [A-E] by (\S+) at layer ([123])$/,
    read: (m) => ({
      from: m[1] ?? "",
      to: m[2] ?? "",
      send: `${m[3]} of a received message`,
      layer: Number(m[4]),
    }),
  },
  {
    pattern: /^([A-E]) messages (?:their chat|the chat made by [A-E]) by (.+) at layer ([123])$/,
    read: (m) => ({ from: m[1] ?? "", to: "chat", send: `${m[2]} to a chat`, layer: Number(m[3]) }),
  },
];

/**
 * The sends a pickle is about: its last send, and the other sends of the same kind and layer
 * (a scenario that messages both ways). Earlier sends of another kind only set the scene.
 */
function decisiveSends(pickle: Pickle): { send: string; from: string; to: string; layer: number }[] {
  const sends = pickle.steps.flatMap((step) => {
    for (const { pattern, read } of SEND_STEPS) {
      const match = pattern.exec(step.text);
      if (match) return [read(match)];
    }
    return [];
  });
  const last = sends.at(-1);
  return last ? sends.filter((s) => s.send === last.send && s.layer === last.layer) : [];
}

export function gridCells(pickles: readonly Pickle[]): GridCell[] {
  return pickles.flatMap((pickle) => {
    const where = `${pickle.uri}:${pickle.location?.line ?? 0}`;
    return requirementIdsOfTags(pickle.tags.map((t) => t.name)).flatMap((requirement) =>
      decisiveSends(pickle).map((s) => ({
        requirement,
        send: s.send,
        layer: s.layer,
        direction: `${s.from}→${s.to}`,
        where,
      })),
    );
  });
}

const cell = (text: string) => text.replaceAll("|", "\\|");
const columnOf = (c: { layer: number; direction: string }) => `layer ${c.layer} ${c.direction}`;
const keyOf = (c: { send: string; layer: number; direction: string }) => `${c.send}|${columnOf(c)}`;

/** The cells a requirement's grid promises that no scenario checks. */
export function missingCells(
  cells: readonly GridCell[],
  requirements: readonly Requirement[] = REQUIREMENTS as readonly Requirement[],
): (ExpectedCell & { requirement: string })[] {
  const found = new Set(cells.map((c) => `${c.requirement}|${keyOf(c)}`));
  return requirements.flatMap((r) =>
    expectedCells(r.grid ?? [])
      .filter((e) => e.notApplicable === undefined && !found.has(`${r.id}|${keyOf(e)}`))
      .map((e) => ({ ...e, requirement: r.id })),
  );
}

const byLayerThenDirection = (a: string, b: string) => a.localeCompare(b);

/** The marks of a table's reasons for n/a cells, in the order they first appear. */
const NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹";

/**
 * One table per requirement with sends: rows send kinds, columns layer × direction. A cell the
 * requirement's grid promises shows its feature lines, "n/a" (why, below the table) where the
 * cell cannot exist, or **missing**; a cell it does not promise shows what scenarios check anyway.
 */
export function renderGrid(cells: readonly GridCell[]): string[] {
  const lines = [
    "## The grid",
    "",
    "For each requirement that speaks of a message: the send kind (rows), the layer and the",
    "direction (columns) its scenarios exercise, each cell the feature lines (one row of a",
    "Scenario Outline each) that check it. A→B is the first user of the scenario messaging the",
    "second (in scenario 1, the one who has the other's number); →chat is a message to a chat.",
    "The cells a requirement promises are its `grid` in docs/requirements.yaml; one that no",
    "scenario checks reads **missing**, and `tl-conformance check-features` names it. A cell",
    "that cannot exist reads n/a, with the reason below the table.",
    "",
  ];
  for (const r of REQUIREMENTS as readonly Requirement[]) {
    const mine = cells.filter((c) => c.requirement === r.id);
    const expected = expectedCells(r.grid ?? []);
    if (mine.length === 0 && expected.length === 0) continue;
    const columns = [...new Set([...expected, ...mine].map(columnOf))].sort(byLayerThenDirection);
    const sends = [...new Set([...expected.map((e) => e.send), ...mine.map((c) => c.send).sort()])];
    const promised = new Map(expected.map((e) => [keyOf(e), e]));
    const reasons: string[] = [];
    const marker = (why: string) => {
      if (!reasons.includes(why)) reasons.push(why);
      return `n/a${NOTE_MARKS[reasons.indexOf(why)] ?? ""}`;
    };
    lines.push(
      `### ${r.id} (${r.level})`,
      "",
      `| send | ${columns.join(" | ")} |`,
      `|---|${columns.map(() => "---").join("|")}|`,
    );
    for (const send of sends) {
      const row = columns.map((column) => {
        const at = mine
          .filter((c) => c.send === send && columnOf(c) === column)
          .map((c) => c.where.replace(/^features\//, ""));
        if (at.length > 0) return [...new Set(at)].join("<br>");
        const promise = promised.get(`${send}|${column}`);
        if (promise?.notApplicable) return marker(promise.notApplicable);
        return promise ? "**missing**" : "";
      });
      lines.push(`| ${cell(send)} | ${row.map(cell).join(" | ")} |`);
    }
    lines.push(
      "",
      ...reasons.map((why, i) => `${NOTE_MARKS[i] ?? ""} ${why}`),
      ...(reasons.length ? [""] : []),
    );
  }
  return lines;
}
