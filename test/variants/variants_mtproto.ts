// Every variant server whose choice lives in the reference server's core (hooks or options) must
// pass the whole suite over MTProto too: the same choices, met through the harness's MTProto
// client, with no failure and no warning. Variants made by a proxy on the TL-JSON wire (other
// error messages in JSON bodies, HTTP connection handling) choose something only that wire has.
import assert from "node:assert/strict";
import { test } from "node:test";
import { suiteRunner } from "../mutants/run_against.ts";
import { overMtproto } from "../servers.ts";
import { VARIANTS } from "./catalogue.ts";

export function variantsOverMtprotoShard(index: number, count: number): void {
  const runAgainst = suiteRunner();
  for (const variant of VARIANTS.filter((_, i) => i % count === index)) {
    test(`variant ${variant.name} passes over MTProto`, async (t) => {
      const seen = new Set<string>();
      const started = await variant.start((kind) => seen.add(kind));
      const front = await overMtproto(started);
      if (!front) {
        await started.close();
        return t.skip("its choice is made by a proxy on the TL-JSON wire");
      }
      try {
        const row = await runAgainst(front);
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
        const unmet = variant.exercises.filter((kind) => !seen.has(kind));
        assert.deepEqual(unmet, [], `the suite over MTProto never met these choices of ${variant.name}`);
      } finally {
        await front.close();
      }
    });
  }
}
