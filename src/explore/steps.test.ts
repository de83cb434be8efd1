// Every step the explorer can print is a step of the suite, matched by exactly one definition:
// the commands of many generated histories among 3 to 5 users, and every check it runs after them.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { stepCatalogue } from "../cli/step_catalogue.ts";
import type { ConformanceSession } from "../session/index.ts";
import { resultChecks } from "./actions/index.ts";
import { exploreCommand } from "./arbitraries.ts";
import { LINKS_STEP, UPDATES_STEP, VIEWS_STEP } from "./checks.ts";
import { ROLE_NAMES } from "./roles.ts";

test("every step the explorer prints runs exactly one step definition", async () => {
  const catalogue = await stepCatalogue();
  const texts = new Set<string>([VIEWS_STEP, UPDATES_STEP, LINKS_STEP]);
  const kinds = new Set<string>();
  for (const command of fc.sample(exploreCommand, { seed: 1, numRuns: 3000 })) {
    for (const count of [3, 4, 5]) {
      const action = command.actionFor(ROLE_NAMES.slice(0, count));
      if (!action) continue;
      texts.add(action.step);
      for (const what of action.covers) kinds.add(what);
    }
  }
  const session = {} as ConformanceSession;
  for (const kind of ["message", "contact", "geo", "forward", "forwards"] as const) {
    for (const changed of [true, false]) {
      for (const check of resultChecks(session, { kind, layer: 3, sender: "A", peer: "B" }, changed))
        texts.add(check.text);
    }
  }
  assert.ok(kinds.size >= 22, `the sample exercised only ${[...kinds].join(", ")}`);
  const wrong = [...texts]
    .map((text) => ({ text, count: catalogue.steps.filter((d) => d.matches(text)).length }))
    .filter((s) => s.count !== 1);
  assert.deepEqual(wrong, [], "steps matched by no definition, or by several");
});
