// The kill matrix over MTProto. Every mutant whose deviation lives in the reference server's core
// (hooks or options) is started with the core's MTProto front end, and its kill witnesses (one
// failing scenario per requirement it fails on the TL-JSON wire: witnesses.ts) run over the
// harness's MTProto client. Each witness must fail there on a requirement the mutant's entry
// lists, and nothing unlisted may fail; where a scenario's first failing check is always the same
// (almost every mutant), that is the same requirement as on TL-JSON. Left out, with the reason:
// mutants made by a proxy on the TL-JSON wire, and deviations that binary TL cannot carry.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rowOf, suiteWorker } from "../suite_worker.ts";
import { MUTANTS } from "./catalogue.ts";
import { KILL_WITNESSES } from "./kill_witnesses.ts";
import { unjudged } from "./run_against.ts";

/**
 * Deviations the reference server's binary encoder cannot put on the wire: the declared layer's
 * TL has no way to write them, so over MTProto they are a 500 from the server's own encoder, not
 * the deviation. (A real server could send the bytes of a later layer's constructor; the client
 * then reports an id the declared layer lacks, a target fault.)
 */
export const NOT_ON_THE_BINARY_WIRE: Readonly<Record<string, string>> = {
  "long-as-number": "a long is 8 bytes in binary TL; there is no JSON number to write",
  "extra-field": "binary TL has no field names, so there is no extra field to add",
  "unknown-constructor": "a constructor no layer defines has no id to write",
  "phone-in-user-foreign": "userForeign has no phone field in binary TL",
  "link-constructors-before-layer-3": "layer 1 and 2 TL have no *Link constructors to write",
  "link-result-at-layer-2-for-sendMedia": "layer 2 TL has no statedMessageLink to write",
};

export function killMatrixMtprotoShard(index: number, count: number): void {
  const run = suiteWorker();
  const mutants = MUTANTS.filter((m) => (KILL_WITNESSES[m.name]?.witnesses.length ?? 0) > 0);
  for (const mutant of mutants.filter((_, i) => i % count === index)) {
    const recorded = KILL_WITNESSES[mutant.name] ?? { witnesses: [], jsonWireOnly: [] };
    test(`mutant ${mutant.name} over MTProto: ${recorded.witnesses.length} witnesses`, async (t) => {
      const why = NOT_ON_THE_BINARY_WIRE[mutant.name];
      if (why) return t.skip(why);
      const scenarios = [...new Set(recorded.witnesses.map((w) => w.scenario))];
      const result = await run({ kind: "mutant", name: mutant.name, wire: "mtproto", choice: { scenarios } });
      if (result.kind === "not-on-wire")
        return t.skip("its deviation is made by a proxy on the TL-JSON wire");
      const { row } = rowOf(result);
      assert.deepEqual(
        unjudged(row.report),
        [],
        `witnesses of ${mutant.name} over MTProto that could not be judged`,
      );
      const listed = [...mutant.fails, ...mutant.warns];
      const failedOn = (location: string) =>
        row.report.scenarios.find((s) => s.location === location)?.failure?.requirementId ?? "(passed)";
      assert.deepEqual(
        recorded.witnesses
          .map((w) => `${w.scenario}: ${failedOn(w.scenario)}`)
          .filter((line) => !listed.some((id) => line.endsWith(`: ${id}`))),
        [],
        `witnesses of ${mutant.name} over MTProto that passed or failed on a requirement it does not list (${listed.join(", ")})`,
      );
      assert.deepEqual(
        row.failed.filter((id) => !mutant.fails.includes(id)),
        [],
        `MUST failures over MTProto that ${mutant.name} does not list`,
      );
      assert.deepEqual(
        row.warned.filter((id) => !mutant.warns.includes(id)),
        [],
        `SHOULD failures over MTProto that ${mutant.name} does not list`,
      );
    });
  }
}
