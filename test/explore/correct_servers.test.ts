// explore must pass the reference server and every variant server (correct servers that choose
// differently where the binding lets them) with no finding at all, SHOULD included, within a
// small fixed budget of runs and commands. Against the reference server the budget is larger and
// the run must have exercised every kind of command, so a pass means the whole mix was tried.
import assert from "node:assert/strict";
import { test } from "node:test";
import { closeAgents } from "../../src/client/index.ts";
import { type ExploreResult, explore } from "../../src/explore/index.ts";
import { startServer } from "../../src/server/index.ts";
import { VARIANTS } from "../variants/catalogue.ts";

const EVERY_KIND = [
  "import",
  "import from a card",
  "delete by contacts.deleteContact",
  "delete by contacts.deleteContacts",
  "chat of 2 members",
  "chat of 3 members",
  "sign-in on a new key",
  ...["message", "contact", "geo", "forward", "forwards"].flatMap((k) => [`private ${k}`, `chat ${k}`]),
  "card of another user",
  "forward of a received message",
  "layer 1",
  "layer 2",
  "layer 3",
  "refused addressing",
].sort();

async function exploreAt(url: string, budget: { seed: number; runs: number; steps: number }) {
  const result = await explore({
    target: url,
    users: undefined,
    ...budget,
    budgetMs: 120_000,
    path: undefined,
    timeoutMs: 5000,
    shrink: true,
    maxFindings: Number.POSITIVE_INFINITY,
  });
  await closeAgents();
  return result;
}

function assertNoFinding(result: ExploreResult, name: string): void {
  const found = result.findings.map(
    (f) => `${f.key}: ${f.message.split("\n", 1)[0]}\n${f.gherkin ?? f.history.join("\n")}`,
  );
  assert.deepEqual(found, [], `explore's findings against ${name}`);
  assert.equal(result.ended, "runs", "the whole budget of runs was explored");
}

test("explore passes the reference server, having tried every kind of command", async () => {
  const server = await startServer({ debugValidateResponses: true });
  try {
    const result = await exploreAt(server.url, { seed: 8, runs: 20, steps: 30 });
    assertNoFinding(result, "the reference server");
    assert.deepEqual(Object.keys(result.covered), EVERY_KIND, "kinds of command the runs exercised");
  } finally {
    await server.close();
  }
});

for (const variant of VARIANTS) {
  test(`explore passes variant ${variant.name}: it ${variant.choice}`, async () => {
    const server = await variant.start(() => {});
    try {
      const result = await exploreAt(server.url, { seed: 9, runs: 4, steps: 20 });
      assertNoFinding(result, variant.name);
      assert.ok(result.commands >= 20, `only ${result.commands} commands were run`);
    } finally {
      await server.close();
    }
  });
}
