// The kill matrix over MTProto: every mutant whose deviation lives in the reference server's core
// (hooks or options, not a JSON proxy) is started with the core's MTProto front end, and the
// scenarios of the requirement it is aimed at run over the harness's MTProto client. Each must
// still be killed on this wire: its target requirement fails, and nothing fails that the
// catalogue does not list for it (the whole suite's exact lists are the TL-JSON matrix's check).
// A mutant behind a JSON proxy is specific to that wire and runs only there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { overMtproto } from "../servers.ts";
import { MUTANTS, type Mutant } from "./catalogue.ts";
import { suiteRunner } from "./run_against.ts";

/** The mutants aimed at a requirement (the identity mutant is aimed at none). */
export const MTPROTO_MUTANTS: readonly Mutant[] = MUTANTS.filter((m) => m.target !== "-");

export function killMatrixMtprotoShard(index: number, count: number): void {
  const runAgainst = suiteRunner();
  for (const mutant of MTPROTO_MUTANTS.filter((_, i) => i % count === index)) {
    test(`mutant ${mutant.name} over MTProto: killed at ${mutant.target}`, async (t) => {
      const started = await mutant.start();
      const front = await overMtproto(started);
      if (!front) {
        await started.close();
        t.skip("its deviation is made by a proxy on the TL-JSON wire");
        return;
      }
      try {
        const row = await runAgainst(front, { tags: `@REQ-${mutant.target}` });
        const errors = row.report.scenarios
          .filter((s) => s.status === "target-fault" || s.status === "harness-error")
          .map((s) => `${s.location}: ${s.failure?.message.split("\n", 1)[0]}`);
        assert.deepEqual(errors, [], `scenarios against ${mutant.name} over MTProto that could not be judged`);
        const found = [...row.failed, ...row.warned];
        assert.ok(
          found.includes(mutant.target),
          `${mutant.name} over MTProto: ${mutant.target} did not fail (failed: ${found.join(", ") || "none"})`,
        );
        const listed = new Set([...mutant.fails, ...mutant.warns]);
        assert.deepEqual(
          found.filter((id) => !listed.has(id)),
          [],
          `${mutant.name} over MTProto fails requirements its catalogue entry does not list`,
        );
      } finally {
        await front.close();
      }
    });
  }
}
