// Every variant server whose choice lives in the reference server's core (hooks or options) must
// pass the whole suite over MTProto too: the same choices, met through the harness's MTProto
// client, with no failure and no warning. The variant made by a proxy on the TL-JSON wire (HTTP
// connection handling) chooses something only that wire has.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rowOf, suiteWorker } from "../suite_worker.ts";
import { VARIANTS } from "./catalogue.ts";

export function variantsOverMtprotoShard(index: number, count: number): void {
  const run = suiteWorker();
  for (const variant of VARIANTS.filter((_, i) => i % count === index)) {
    test(`variant ${variant.name} passes over MTProto`, async (t) => {
      const result = await run({ kind: "variant", name: variant.name, wire: "mtproto" });
      if (result.kind === "not-on-wire") return t.skip("its choice is made by a proxy on the TL-JSON wire");
      const { row, exercised } = rowOf(result);
      const seen = new Set(exercised);
      const failures = row.report.scenarios
        .filter((s) => s.failure)
        .map((s) => `${s.location}: ${s.failure?.message.split("\n", 1)[0]}`);
      assert.deepEqual(
        row.failed,
        [],
        `MUST failures against ${variant.name} over MTProto:\n${failures.join("\n")}`,
      );
      assert.deepEqual(
        row.warned,
        [],
        `SHOULD failures against ${variant.name} over MTProto:\n${failures.join("\n")}`,
      );
      assert.equal(row.report.verdict, "CERTIFIED", failures.join("\n"));
      const unmet = variant.exercises.filter((kind) => !seen.has(kind) && !variant.notOverMtproto?.[kind]);
      assert.deepEqual(unmet, [], `the suite over MTProto never met these choices of ${variant.name}`);
    });
  }
}
