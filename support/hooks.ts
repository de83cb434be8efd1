// Scenario hooks: the transcript is attached to every scenario (whole for one that did not
// pass, compact for one that did), a failure's fields and a fault's code are attached as data,
// no request outlives its scenario, and a scenario that got an error answer nobody checked fails.
import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  Status,
  setDefaultTimeout,
  setDefinitionFunctionWrapper,
  setParallelCanAssign,
} from "@cucumber/cucumber";
import { closeAgents, guardStep, RequestScope } from "../src/client/index.ts";
import { FAILURE_MEDIA_TYPE, FAULT_MEDIA_TYPE, TRANSCRIPT_MEDIA_TYPE } from "../src/report/attachments.ts";
import {
  RequirementFailure,
  releaseAccountPools,
  releaseSetupPools,
  ScenarioError,
} from "../src/session/index.ts";
import { canAssignScenario } from "../src/session/setup_affinity.ts";
import { ensureTarget, releaseTarget } from "./embedded_target.ts";
import { useNativeMatchIndices } from "./native_match_indices.ts";
import type { ConformanceWorld } from "./world.ts";

// No fixed step timeout: a step may make many requests, each bounded by the request timeout,
// so the bound follows it instead (src/client/step_guard.ts): a step fails only when none of
// its requests started or ended for longer than one request may take.
setDefaultTimeout(-1);
setDefinitionFunctionWrapper(
  (fn: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      const result = fn.apply(this, args);
      const world = this as Partial<Pick<ConformanceWorld, "scope" | "settings">> | undefined;
      if (!(world?.scope instanceof RequestScope) || !world.settings || !(result instanceof Promise))
        return result;
      return guardStep(result, world.scope, world.settings.timeoutMs);
    },
);

// Step matching with the native `d` flag instead of regexp-tree (support/native_match_indices.ts).
useNativeMatchIndices();

// An idle worker takes a scenario with the set-up of its last one where one remains: that set-up
// is likely run ahead already (src/session/setup_affinity.ts). Asked in the coordinator only.
setParallelCanAssign((pickle, running) =>
  canAssignScenario(
    pickle.id,
    running.map((other) => other.id),
  ),
);

// A worker process whose coordinator is gone (the run was stopped) stops too, with its requests.
if (process.env.CUCUMBER_WORKER_ID !== undefined) process.once("disconnect", () => process.exit(130));

BeforeAll(async function (this: { parameters?: unknown }) {
  await ensureTarget(this.parameters);
});

Before(function (this: ConformanceWorld, { pickle }) {
  this.session.tags = pickle.tags.map((t) => t.name);
  this.planSetup(pickle.steps.map((step) => step.text));
});

// The failure's fields (or a fault's code) go to the report as data, so it never has to read them
// back from text. Attached by the step that failed: After's `error` is the last step's, which is
// undefined when the failing step is not the last one.
AfterStep(function (this: ConformanceWorld, { error }) {
  if (error instanceof RequirementFailure)
    this.attach(JSON.stringify(error.toAttachment()), FAILURE_MEDIA_TYPE);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && error instanceof Error)
    this.attach(JSON.stringify({ code, message: error.message }), FAULT_MEDIA_TYPE);
});

After(async function (this: ConformanceWorld, { pickle, result }) {
  await this.scope.abandon();
  this.session.binding.close?.();
  // Reports keep the whole transcript of scenarios that did not pass and a compact one for the
  // others (method, status, size), unless --transcripts all asks for every body.
  const passed = result?.status === Status.PASSED && this.pendingError?.outcome.rpcError === undefined;
  const whole = !passed || this.settings.transcripts === "all";
  const text = whole ? this.transcript.serialize(pickle.name) : this.transcript.summary(pickle.name);
  this.attach(text, TRANSCRIPT_MEDIA_TYPE);
  const pending = this.pendingError;
  if (pending?.outcome.rpcError) {
    throw new ScenarioError(
      `the error answer to ${pending.method} (${pending.outcome.rpcError.code} ${pending.outcome.rpcError.message}) was never checked`,
    );
  }
});

AfterAll(async () => {
  releaseSetupPools();
  releaseAccountPools();
  await closeAgents();
  await releaseTarget();
});
