// SCHEMA and PRIVACY are checked on every answer by the session; these steps state it in a
// scenario and fail when the scenario made no checked call at all.
import { Then } from "@cucumber/cucumber";
import { check } from "../src/session/index.ts";
import type { ConformanceWorld } from "../support/world.ts";

Then("every answer so far matched the schema of its declared layer", function (this: ConformanceWorld) {
  const total = [...this.session.answersChecked.values()].reduce((a, b) => a + b, 0);
  check(total > 0, "SCHEMA", {
    subject: "the scenario's answers",
    expected: "at least one checked answer",
    actual: "none",
  });
});

Then(
  "no answer to {role} so far held a phone that user may not see",
  function (this: ConformanceWorld, viewer: string) {
    const count = this.session.answersChecked.get(viewer) ?? 0;
    check(count > 0, "PRIVACY", {
      subject: `answers to ${viewer}`,
      expected: "at least one scanned answer",
      actual: "none",
    });
  },
);
