// The set-up table (src/session/setup_steps.ts) and the step definitions agree: each set-up
// expression is a step definition's, each such definition's examples read as set-up with the
// roles in the order the step takes them, and no other step's example reads as set-up.
import assert from "node:assert/strict";
import { test } from "node:test";
import { stepCatalogue } from "../../src/cli/step_catalogue.ts";
import { leadingSetup, SETUP_STEPS } from "../../src/session/index.ts";

test("every set-up expression is a step definition's, and only those steps read as set-up", async () => {
  const { steps } = await stepCatalogue();
  const setupExpressions = new Set(SETUP_STEPS.map((s) => s.expression));
  for (const expression of setupExpressions)
    assert.ok(
      steps.some((s) => s.pattern === expression),
      `no step definition has the set-up expression "${expression}"`,
    );
  for (const entry of steps) {
    for (const example of entry.examples) {
      const text = example.replace(/^(Given|When|Then|And|But) /, "");
      const ops = leadingSetup([text]);
      if (!setupExpressions.has(entry.pattern)) {
        assert.deepEqual(ops, [], `"${text}" (${entry.pattern}) is no set-up step`);
        continue;
      }
      assert.notEqual(ops.length, 0, `"${text}" reads as no set-up`);
      const roles = entry.argumentsOf(text) as string[];
      const named = ops.flatMap((op) =>
        op.kind === "import" ? [op.importer, op.owner] : [...op.members, op.maker],
      );
      assert.deepEqual([...new Set(named)].sort(), [...new Set(roles)].sort(), `the roles of "${text}"`);
    }
  }
});

test("the leading set-up ends at the first step that is not set-up, Background steps first", () => {
  assert.deepEqual(
    leadingSetup([
      "A has B's number in contacts",
      "A and B met in a chat made by C",
      "A messages B by messages.sendMessage at layer 3",
      "B has A's number in contacts",
    ]),
    [
      { kind: "import", importer: "A", owner: "B" },
      { kind: "meet", members: ["A", "B"], maker: "C" },
    ],
  );
  assert.deepEqual(leadingSetup(["A and B have each other's numbers"]), [
    { kind: "import", importer: "A", owner: "B" },
    { kind: "import", importer: "B", owner: "A" },
  ]);
  assert.deepEqual(leadingSetup(["A, B and C met in a chat made by D"]), [
    { kind: "meet", members: ["A", "B", "C"], maker: "D" },
  ]);
  assert.deepEqual(leadingSetup(["A messages B by messages.sendMessage at layer 1"]), []);
  assert.deepEqual(leadingSetup(["Z has B's number in contacts"]), [], "a role outside A-E");
});
