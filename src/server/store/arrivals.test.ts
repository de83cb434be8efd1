// Arrivals against a plain array model: the oldest entry still here, whatever left early.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Arrivals } from "./arrivals.ts";

const op = fc.oneof(
  fc.constant({ kind: "add" as const }),
  fc.nat(30).map((k) => ({ kind: "delete" as const, k })),
  fc.constant({ kind: "dropOldest" as const }),
);

test("the oldest entry is the first of the model still present, after any adds and deletes", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
      const arrivals = new Arrivals<number, string>();
      let model: number[] = [];
      let next = 0;
      for (const o of ops) {
        if (o.kind === "add") {
          arrivals.add(next, `v${next}`);
          model.push(next++);
        } else if (o.kind === "delete") {
          assert.equal(arrivals.delete(o.k), model.includes(o.k));
          model = model.filter((k) => k !== o.k);
        } else {
          const oldest = arrivals.oldest();
          assert.deepEqual(oldest, model.length > 0 ? [model[0], `v${model[0]}`] : undefined);
          if (oldest) arrivals.delete(oldest[0]);
          model.shift();
        }
        assert.equal(arrivals.size, model.length);
      }
    }),
    { numRuns: 300 },
  );
});
