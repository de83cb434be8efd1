// The kill matrix in shards: each test file runs every n-th mutant, so node:test runs shards in
// parallel workers (the whole suite against ~60 mutants takes minutes on one core).
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { rowOf, suiteWorker } from "../suite_worker.ts";
import { MUTANTS } from "./catalogue.ts";
import { KILL_WITNESSES } from "./kill_witnesses.ts";
import { unjudged } from "./run_against.ts";
import { staleWitnesses, witnessesOf } from "./witnesses.ts";

/** Set to a folder, the shards write each mutant's witnesses there (test/mutants/record_witnesses.ts). */
const RECORD = process.env.RECORD_KILL_WITNESSES;

export function killMatrixShard(index: number, count: number): void {
  const run = suiteWorker();
  for (const mutant of MUTANTS.filter((_, i) => i % count === index)) {
    test(`mutant ${mutant.name}: ${mutant.deviation}`, async () => {
      const { row } = rowOf(await run({ kind: "mutant", name: mutant.name, wire: "http-json" }));
      const firstFailure =
        row.report.scenarios.find((s) => s.failure)?.failure?.message.split("\n", 1)[0] ?? "none";
      assert.deepEqual(unjudged(row.report), [], `scenarios against ${mutant.name} that could not be judged`);
      assert.deepEqual(
        row.failed,
        [...mutant.fails].sort(),
        `MUST failures against ${mutant.name} (first: ${firstFailure})`,
      );
      assert.deepEqual(row.warned, [...mutant.warns].sort(), `SHOULD failures against ${mutant.name}`);
      if (mutant.fails.length === 0 && mutant.warns.length === 0)
        assert.equal(row.report.verdict, "CERTIFIED");
      if (mutant.fails.length > 0) assert.equal(row.report.verdict, "NOT_CERTIFIED");
      const found = witnessesOf(row.report, [...mutant.fails, ...mutant.warns]);
      if (RECORD) {
        mkdirSync(RECORD, { recursive: true });
        writeFileSync(join(RECORD, `${mutant.name}.json`), JSON.stringify(found));
      } else {
        const recorded = KILL_WITNESSES[mutant.name] ?? { witnesses: [], jsonWireOnly: [] };
        assert.deepEqual(
          staleWitnesses(row.report, recorded, [...mutant.fails, ...mutant.warns]),
          [],
          `kill witnesses of ${mutant.name} that no longer fail as recorded (rerecord: node --import tsx test/mutants/record_witnesses.ts)`,
        );
        assert.deepEqual(
          [...recorded.witnesses.map((w) => w.requirement), ...recorded.jsonWireOnly].sort(),
          [...mutant.fails, ...mutant.warns].sort(),
          `kill witnesses of ${mutant.name} do not cover its requirements (rerecord them)`,
        );
      }
    });
  }
}
