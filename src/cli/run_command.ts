// `tl-conformance run`: the suite against a target (the embedded reference server by default),
// then reports. Exit 0 when every scenario passed, 1 when the target failed or could not be
// reached, 2 for a wrong call. The last line is the plain count CI tools read.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { closeAgents, waitForHealth } from "../client/index.ts";
import { buildReport, computeSuiteDigest, countLine, formatSummary, writeReports } from "../report/index.ts";
import { type RunningServer, startServer } from "../server/index.ts";
import { EXIT_FAILED, EXIT_PASSED } from "./exit_codes.ts";
import { type RunCommandOptions, runSettings } from "./run_options.ts";
import { runSuite } from "./run_suite.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

function suiteVersion(): string {
  return (JSON.parse(readFileSync(`${projectRoot}package.json`, "utf8")) as { version: string }).version;
}

async function run(options: RunCommandOptions): Promise<number> {
  const settings = runSettings(options, process.env);
  const startedAt = new Date().toISOString();
  let embedded: RunningServer | undefined;
  try {
    if (settings.target === undefined) embedded = await startServer({ debugValidateResponses: true });
    const target = settings.target ?? (embedded as RunningServer).url;
    process.env.CONFORMANCE_TARGET = target;
    process.env.CONFORMANCE_TIMEOUT_MS = String(settings.timeoutMs);
    process.stderr.write(
      `tl-conformance: target ${target}${embedded ? " (embedded reference server)" : ""}\n`,
    );
    try {
      await waitForHealth(target, { timeoutMs: Math.max(settings.timeoutMs, 15_000) });
    } catch (error) {
      process.stderr.write(`tl-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
      process.stdout.write("conformance: 0 passed, 1 failed\n");
      return EXIT_FAILED;
    }
    const suite = await runSuite(projectRoot, settings);
    const report = buildReport(suite.envelopes, {
      suiteVersion: suiteVersion(),
      suiteDigest: await computeSuiteDigest(projectRoot),
      target,
      targetKind: embedded ? "embedded" : "external",
      startedAt,
      finishedAt: new Date().toISOString(),
      command: ["tl-conformance", ...process.argv.slice(2)].join(" "),
    });
    const paths = await writeReports(report, settings.reportsDir);
    process.stdout.write(
      `${formatSummary(report)}\n\nreports: ${paths.html}, ${paths.json}, ${paths.junit}\n`,
    );
    process.stdout.write(`${countLine(report)}\n`);
    return suite.success && report.verdict !== "FAIL" ? EXIT_PASSED : EXIT_FAILED;
  } finally {
    await closeAgents();
    await embedded?.close();
  }
}

export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("run the conformance suite against a target and write reports")
    .option(
      "--target <url>",
      "the server under test (default: $CONFORMANCE_TARGET, else the embedded reference server)",
    )
    .option("--tags <expression>", "only scenarios matching a tag expression, e.g. '@REQ-S1-REVEAL or @must'")
    .option("--name <regexp>", "only scenarios whose name matches")
    .option("--parallel <n>", "scenarios run in n worker processes (0: in this process)", "0")
    .option("--timeout-ms <n>", "timeout of each request, headers and body", "10000")
    .option("--reports <dir>", "where report.html, report.json and junit.xml go", "reports")
    .action(async (options: RunCommandOptions) => {
      process.exitCode = await run(options);
    });
}
