// `tl-conformance run`: plan the run, open its reports folder, choose the scenarios, start the
// embedded server when there is no target, wait for /health, run the suite, and report. Every
// way out after the reports folder is known writes a report (exit codes: ci_outcome.ts).
import { isAbsolute, join } from "node:path";
import { waitForTcp } from "../bindings/mtproto/wait_for_tcp.ts";
import { closeAgents, TargetError, waitForHealth } from "../client/index.ts";
import type { FlagValues } from "../profile/index.ts";
import { ProfileError, type WorldParameters } from "../profile/index.ts";
import { ReportsFolder } from "../report/index.ts";
import {
  type RunningMtprotoServer,
  type RunningServer,
  startMtprotoServer,
  startServer,
} from "../server/index.ts";
import { onAbortSignal } from "./abort_on_signal.ts";
import { describeConfiguration } from "./describe_config.ts";
import { EXIT_USAGE, UsageError } from "./exit_codes.ts";
import { packageRoot } from "./package_root.ts";
import { defaultWorkers } from "./parallel_default.ts";
import { planRun, type RunPlan } from "./run_plan.ts";
import { RunSession, type SessionSettings } from "./run_session.ts";
import { runSuite } from "./run_suite.ts";
import { selectScenarios } from "./select_scenarios.ts";

const say = (text: string) => process.stderr.write(`tl-conformance: ${text}\n`);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isUsage = (error: unknown) => error instanceof UsageError || error instanceof ProfileError;

/** A configuration that cannot be used still replaces the reports folder the run would have used. */
async function reportUsageError(flags: FlagValues, error: unknown, base: SessionSettings): Promise<number> {
  say(messageOf(error));
  const dir =
    (typeof flags.reports === "string" && flags.reports) || process.env.CONFORMANCE_REPORTS || "reports";
  try {
    const session = new RunSession(ReportsFolder.open(dir), base);
    await session.finish({ kind: "usage", reason: messageOf(error) });
  } catch (failure) {
    say(`no report written: ${messageOf(failure)}`);
  }
  return EXIT_USAGE;
}

function worldParameters(plan: RunPlan, target: string, rsaPem: string | undefined): WorldParameters {
  const c = plan.config;
  const mtproto =
    c.binding === "mtproto" && rsaPem !== undefined
      ? { wire: "mtproto" as const, mtproto: { rsaPublicKeyPem: rsaPem, transport: c.transport } }
      : {};
  return {
    ...mtproto,
    target,
    timeoutMs: c.timeoutMs,
    headers: c.headers,
    tls: { insecure: c.insecure, ...(plan.caPem ? { ca: plan.caPem } : {}) },
    phones: { pattern: c.phonePattern, code: c.loginCode },
    transcripts: c.transcripts,
  };
}

/** Cucumber formatters' files go into the reports folder, so they are replaced with the rest. */
function cucumberFormats(plan: RunPlan, staging: string): string[] {
  return plan.cucumberFormats.map((format) => {
    const colon = format.indexOf(":");
    if (colon < 0) return format;
    const path = format.slice(colon + 1);
    return `${format.slice(0, colon)}:${isAbsolute(path) ? path : join(staging, path)}`;
  });
}

async function runPlanned(plan: RunPlan, session: RunSession, folder: ReportsFolder): Promise<number> {
  const c = plan.config;
  const claims = { layers: c.claimLayers, features: c.claimFeatures };
  let embedded: RunningServer | undefined;
  let embeddedMtproto: RunningMtprotoServer | undefined;
  try {
    const selection = await selectScenarios(
      packageRoot,
      { tags: plan.tags, name: plan.name },
      claims,
      c.binding,
    );
    session.notClaimed = selection.notClaimed;
    session.notApplicable = selection.notApplicable;
    session.wire = c.binding;
    if (c.binding === "mtproto") session.transport = c.transport;
    if (selection.selected < selection.total)
      session.selection = {
        ...(plan.tags ? { tags: plan.tags } : {}),
        ...(plan.name ? { name: plan.name } : {}),
        selected: selection.selected,
        total: selection.total,
      };
    // The harness validates every answer against the declared layer's schema (SCHEMA), so the
    // server's own debug validation would only check the same thing twice (232 ms, 2.8 %, of a
    // cold run's CPU profile).
    if (c.target === undefined) embedded = await startServer({});
    if (embedded && c.binding === "mtproto") embeddedMtproto = await startMtprotoServer(embedded.state);
    const target = c.target ?? embeddedMtproto?.url ?? (embedded as RunningServer).url;
    const rsaPem = plan.rsaPem ?? embeddedMtproto?.rsaPublicKeyPem;
    session.target = { url: target, kind: embedded ? "embedded" : "external" };
    const toRun = selection.selected - selection.notClaimed.length - selection.notApplicable.length;
    const workers = c.parallel === "auto" ? defaultWorkers(c.target, toRun) : c.parallel;
    session.workers = workers;
    say(
      `target ${session.target.url}${embedded ? " (embedded reference server)" : ""} over ${c.binding === "mtproto" ? `MTProto (${c.transport} transport)` : "TL-JSON over HTTP"}, ${workers || "no"} worker processes`,
    );
    const tls = { insecure: c.insecure, ...(plan.caPem ? { ca: plan.caPem } : {}) };
    try {
      if (c.binding === "mtproto") await waitForTcp(target, c.healthWaitMs);
      else await waitForHealth(target, { timeoutMs: c.healthWaitMs, headers: c.headers, tls });
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      say(error.message);
      return await session.finish({ kind: "unreachable", reason: error.message });
    }
    await runSuite(packageRoot, {
      tags: selection.tags,
      name: plan.name,
      parallel: workers,
      worldParameters: worldParameters(plan, target, rsaPem),
      formats: cucumberFormats(plan, folder.staging),
      onMessage: (m) => session.envelopes.push(m),
    });
    return await session.finish();
  } catch (error) {
    if (isUsage(error)) {
      say(messageOf(error));
      return await session.finish({ kind: "usage", reason: messageOf(error) });
    }
    say(`harness error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return await session.finish({ kind: "harness", reason: messageOf(error) });
  } finally {
    await closeAgents();
    await embeddedMtproto?.close();
    await embedded?.close();
  }
}

export async function runConformance(flags: FlagValues, command: string): Promise<number> {
  const base: SessionSettings = {
    command,
    startedAt: new Date().toISOString(),
    markdown: false,
    strict: false,
    expectedFailures: [],
    secrets: [],
    warnings: [],
  };
  let plan: RunPlan;
  try {
    plan = planRun(flags, process.env);
  } catch (error) {
    if (!isUsage(error)) throw error;
    return reportUsageError(flags, error, base);
  }
  const c = plan.config;
  const folder = ReportsFolder.open(c.reports);
  const warnings = c.insecure
    ? ["TLS certificate verification was OFF (--insecure): this run cannot certify the target's identity"]
    : [];
  for (const w of warnings) say(`WARNING: ${w}`);
  const session = new RunSession(folder, {
    ...base,
    markdown: plan.markdown,
    strict: c.strict,
    expectedFailures: plan.expectedFailures,
    claims: { layers: c.claimLayers, features: c.claimFeatures },
    secrets: Object.values(c.headers),
    configuration: (workers) => describeConfiguration(plan, workers),
    warnings,
  });
  const stopWatching = onAbortSignal(async (signal) => {
    say(`${signal}: stopping; the report says INCOMPLETE`);
    const done = session.envelopes.filter((e) => e.testCaseFinished).length;
    return session.finish({ kind: "aborted", reason: `stopped by ${signal} after ${done} scenarios` });
  });
  try {
    return await runPlanned(plan, session, folder);
  } finally {
    stopWatching();
  }
}
