// explore against every mutant with the survey's fixed seed and budget must find exactly what
// found_by_explore.ts (and so docs/mutants.md) says: a requirement, or nothing. Like the kill
// matrix, one test per mutant of the catalogue, keyed by name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MUTANTS } from "../mutants/catalogue.ts";
import { resultOf, suiteWorker } from "../suite_worker.ts";
import { FOUND_BY_EXPLORE } from "./found_by_explore.ts";

const run = suiteWorker();

for (const mutant of MUTANTS) {
  test(`explore against mutant ${mutant.name}`, async () => {
    const { found } = resultOf(await run({ kind: "explore", name: mutant.name }), "found");
    assert.ok(
      Object.hasOwn(FOUND_BY_EXPLORE, mutant.name),
      `mutant ${mutant.name} has no entry in test/explore/found_by_explore.ts: add "${mutant.name}": ${JSON.stringify(found)}, then run \`npm run generate\``,
    );
    assert.equal(found, FOUND_BY_EXPLORE[mutant.name], `what explore finds by itself against ${mutant.name}`);
  });
}

test("every entry of found_by_explore.ts names a mutant of the catalogue", () => {
  const names = new Set(MUTANTS.map((m) => m.name));
  assert.deepEqual(
    Object.keys(FOUND_BY_EXPLORE).filter((name) => !names.has(name)),
    [],
  );
});

test("explore finds most mutants by itself, and never the identity mutant", () => {
  const found = MUTANTS.filter((m) => FOUND_BY_EXPLORE[m.name]);
  assert.equal(FOUND_BY_EXPLORE.identity, null);
  assert.ok(found.length * 2 > MUTANTS.length, `explore finds only ${found.length} of ${MUTANTS.length}`);
});
