// What `tl-conformance explore` does (explore_command.ts registers it): model-based exploration
// against a target (the embedded reference server by default), then reports/explore.{json,html}. Exit 0 nothing found (or SHOULD findings
// only, with a warning), 1 a MUST finding (or any finding with --strict), 2 a wrong call, 3 the
// target faulted or the run was aborted. The last stdout line is the count CI tools read.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { closeAgents, InvalidOptionError, waitForHealth } from "../client/index.ts";
import {
  buildExploreReport,
  commandsPerSecond,
  countLine,
  describeFinding,
  EXIT_TARGET_FAULT,
  type ExploreCommandOptions,
  type ExploreResult,
  exitCodeOf,
  explore,
  exploreSettings,
  progressWriter,
  writeExploreReport,
} from "../explore/index.ts";
import { type RunningServer, startServer } from "../server/index.ts";
import { UsageError } from "./exit_codes.ts";

function version(): string {
  const path = fileURLToPath(new URL("../../package.json", import.meta.url));
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
}

export async function runExplore(options: ExploreCommandOptions): Promise<number> {
  let parsed: ReturnType<typeof exploreSettings>;
  try {
    parsed = exploreSettings(options);
  } catch (error) {
    throw error instanceof InvalidOptionError ? new UsageError(error.message) : error;
  }
  const startedAt = new Date().toISOString();
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once("SIGINT", abort);
  let embedded: RunningServer | undefined;
  try {
    if (parsed.target === undefined) embedded = await startServer({ debugValidateResponses: true });
    const target = parsed.target ?? (embedded as RunningServer).url;
    const started = Date.now();
    process.stderr.write(
      `tl-conformance: exploring ${target}${embedded ? " (embedded reference server)" : ""}, seed ${parsed.seed}\n`,
    );
    try {
      await waitForHealth(target, { timeoutMs: Math.min(15_000, parsed.budgetMs) });
    } catch (error) {
      process.stderr.write(`tl-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
      process.stdout.write(countLine({ runs: 0, commands: 0 }, 0));
      return EXIT_TARGET_FAULT;
    }
    // Waiting for the target counts against the budget.
    const budgetMs = Math.max(1, parsed.budgetMs - (Date.now() - started));
    const settings = { ...parsed, target, budgetMs };
    let result: ExploreResult;
    try {
      result = await explore(settings, {
        onProgress: progressWriter((text) => process.stderr.write(text)),
        signal: controller.signal,
      });
    } catch (error) {
      process.stderr.write(
        `tl-conformance: explore aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.stdout.write(countLine({ runs: 0, commands: 0 }, 0));
      return EXIT_TARGET_FAULT;
    }
    const report = buildExploreReport(result, settings, {
      suiteVersion: version(),
      target,
      targetKind: embedded ? "embedded" : "external",
      startedAt,
      finishedAt: new Date().toISOString(),
      command: ["tl-conformance", ...process.argv.slice(2)].join(" "),
    });
    const paths = await writeExploreReport(report, options.reports);
    for (const [i, finding] of result.findings.entries())
      process.stdout.write(describeFinding(finding, i, parsed.target));
    if (report.verdict === "PASS_WITH_WARNINGS") {
      process.stderr.write(
        `tl-conformance: warning: ${result.findings.length} SHOULD findings${options.strict ? " (--strict: the run fails)" : ""}\n`,
      );
    }
    if (result.ended === "aborted") process.stderr.write("tl-conformance: explore aborted\n");
    process.stdout.write(
      `verdict: ${report.verdict} (${commandsPerSecond(result)} commands/s, ended by ${result.ended})\nreports: ${paths.html}, ${paths.json}\n`,
    );
    process.stdout.write(countLine(result, result.findings.length));
    return exitCodeOf(report.verdict, options.strict === true);
  } finally {
    process.removeListener("SIGINT", abort);
    await closeAgents();
    await embedded?.close();
  }
}
