// The kill matrix, cell by cell: for every cell of the grids of the requirements that
// test/mutants/cell_mutants.ts can break one cell of, the mutant that breaks only that cell fails
// the cell's own scenarios on that requirement (cell_mutants.ts says which others may come first),
// and passes the scenarios of a neighbouring cell (the same send at another layer, or in the
// other direction). So every cell of these grids has
// a check that bites there, and the mutant is really one cell's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gridCells } from "../../src/cli/requirement_grid.ts";
import { pickles } from "../../src/cli/requirement_trace.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { REQUIREMENTS, type Requirement } from "../../src/requirements/index.ts";
import { rowOf, suiteWorker } from "../suite_worker.ts";
import { CELL_REQUIREMENTS, type Cell, cellDeviation, cellFailsOn, cellsOf } from "./cell_mutants.ts";
import { unjudged } from "./run_against.ts";

const found = gridCells(await pickles(projectRoot));
const run = suiteWorker();

const sameCell = (a: Cell, b: Cell) =>
  a.requirement === b.requirement && a.send === b.send && a.layer === b.layer && a.direction === b.direction;
const whereOf = (cell: Cell) => [...new Set(found.filter((c) => sameCell(c, cell)).map((c) => c.where))];

/** Another cell of the same grid: the same send at another layer, else in another direction. */
function neighbourOf(cell: Cell, cells: readonly Cell[]): Cell | undefined {
  const others = cells.filter((c) => !sameCell(c, cell) && c.send === cell.send);
  return (
    others.find((c) => c.direction === cell.direction && c.layer !== cell.layer) ??
    others.find((c) => c.layer === cell.layer && c.direction !== cell.direction)
  );
}

for (const r of REQUIREMENTS as readonly Requirement[]) {
  if (!CELL_REQUIREMENTS.includes(r.id)) continue;
  const cells = cellsOf(r).covered;
  for (const cell of cells) {
    test(`${r.id}, ${cellDeviation(cell)}`, async () => {
      const own = whereOf(cell);
      assert.ok(own.length > 0, "the cell has a scenario (check-features says which are missing)");
      const neighbour = neighbourOf(cell, cells);
      const control = neighbour ? whereOf(neighbour).filter((w) => !own.includes(w)) : [];
      const { row } = rowOf(await run({ kind: "cell", cell, choice: { scenarios: [...own, ...control] } }));
      assert.deepEqual(unjudged(row.report), [], "scenarios that could not be judged");
      const outcome = (where: string) => row.report.scenarios.find((s) => s.location === where);
      const failsOn = cellFailsOn(cell);
      const failedHere = own.filter((w) => failsOn.includes(outcome(w)?.failure?.requirementId ?? ""));
      assert.ok(
        failedHere.length > 0,
        `no scenario of the cell failed on ${failsOn.join(" or ")}: ${own.map((w) => `${w} ${outcome(w)?.status ?? "not run"} ${outcome(w)?.failure?.requirementId ?? ""}`).join("; ")}`,
      );
      assert.deepEqual(
        control.filter((w) => outcome(w)?.status !== "passed"),
        [],
        `scenarios of the neighbouring cell (${neighbour?.send} at layer ${neighbour?.layer} ${neighbour?.direction}) that did not pass`,
      );
    });
  }
}
