// Set-ups run ahead, in a real run of the suite: against a server that refuses messages.createChat,
// a scenario that begins "A has B's number in contacts / A and B met in a chat made by C" fails as
// it would have run live: the import step passes, the meeting step is the target fault
// (TARGET_RPC_ERROR), with the refused call in the scenario's transcript; and so does every other
// scenario whose set-up makes a chat, whether it took a set-up run ahead or ran its own.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadSuiteSupport } from "../../src/cli/run_suite.ts";
import { projectRoot } from "../../src/cli/step_catalogue.ts";
import { runAgainst } from "../mutants/run_against.ts";
import { proxied, type StartedTarget } from "../servers.ts";

let target: StartedTarget | undefined;
after(async () => {
  await target?.close();
});

const refuseCreateChat = proxied(async (request, forward) =>
  request.body.includes('"messages.createChat"')
    ? {
        status: 400,
        headers: { "content-type": "application/json" },
        body: '{"_":"rpc_error","error_code":400,"error_message":"CHAT_REFUSED"}',
      }
    : forward(request.body, request.headers),
);

test("a target that breaks a set-up run ahead fails the scenario at the step that broke", async () => {
  target = await refuseCreateChat();
  const support = await loadSuiteSupport(projectRoot);
  const { report } = await runAgainst(target.url, support, { tags: "@REQ-CONTACTS-MUTUAL" });
  const meeting = "A and B met in a chat made by C";
  const withMeeting = report.scenarios.filter((s) => s.steps?.some((step) => step.text === meeting));
  assert.ok(withMeeting.length >= 2, `scenarios that make a chat: ${withMeeting.length}`);
  for (const scenario of withMeeting) {
    assert.equal(scenario.status, "target-fault", `${scenario.location}: ${scenario.failure?.message}`);
    assert.equal(scenario.failure?.code, "TARGET_RPC_ERROR", scenario.location);
    const steps = scenario.steps ?? [];
    const at = steps.findIndex((step) => step.text === meeting);
    assert.equal(steps[at]?.status, "FAILED", `${scenario.location}: the meeting step failed`);
    assert.ok(
      steps.slice(0, at).every((step) => step.status === "PASSED"),
      `${scenario.location}: the steps before the meeting passed`,
    );
  }
  const importThenMeet = withMeeting.find((s) => s.steps?.[0]?.text === "A has B's number in contacts");
  assert.ok(importThenMeet, "a scenario whose set-up is an import, then the meeting");
  // The whole transcript is kept for a scenario that did not pass: the refused call is in it.
  assert.ok(
    importThenMeet.transcript?.some((e) => e.method === "messages.createChat" && e.response?.status === 400),
    "the refused messages.createChat is in the scenario's transcript",
  );
});
