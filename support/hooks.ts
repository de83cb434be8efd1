// Scenario hooks: the transcript is attached to every scenario (the report shows it for failed
// ones), and a scenario that got an error answer nobody checked fails.
import { After, AfterAll, Before, BeforeAll, Status, setDefaultTimeout } from "@cucumber/cucumber";
import { closeAgents } from "../src/client/index.ts";
import { FAILURE_MEDIA_TYPE, TRANSCRIPT_MEDIA_TYPE } from "../src/report/attachments.ts";
import { RequirementFailure, ScenarioError } from "../src/session/index.ts";
import { ensureTarget, releaseTarget } from "./embedded_target.ts";
import type { ConformanceWorld } from "./world.ts";

// A step may make a handful of calls, each bounded by the client's own timeout; this bound only
// catches a harness bug, so it is generous.
setDefaultTimeout(60_000);

BeforeAll(async () => {
  await ensureTarget();
});

Before(function (this: ConformanceWorld, { pickle }) {
  this.session.tags = pickle.tags.map((t) => t.name);
});

After(async function (this: ConformanceWorld, { pickle, result, error }) {
  // The failure's fields go to the report as data, so it never has to read them back from text.
  if (error instanceof RequirementFailure)
    this.attach(JSON.stringify(error.toAttachment()), FAILURE_MEDIA_TYPE);
  // Reports keep the transcript of scenarios that did not pass, and only a count for the others:
  // serializing every passing scenario's exchanges would be work nobody reads.
  const passed = result?.status === Status.PASSED && this.pendingError?.outcome.rpcError === undefined;
  const text = passed ? this.transcript.summary(pickle.name) : this.transcript.serialize(pickle.name);
  this.attach(text, TRANSCRIPT_MEDIA_TYPE);
  const pending = this.pendingError;
  if (pending?.outcome.rpcError) {
    throw new ScenarioError(
      `the error answer to ${pending.method} (${pending.outcome.rpcError.code} ${pending.outcome.rpcError.message}) was never checked`,
    );
  }
});

AfterAll(async () => {
  await closeAgents();
  await releaseTarget();
});
