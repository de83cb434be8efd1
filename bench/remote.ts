// The suite against a remote target: the reference server (a fresh child process per run) behind
// a delay proxy (delay_proxy.ts), the whole suite run cold through the CLI as a vendor runs it.
// Per configuration: wall time, requests, and the sequential round trips that make the time.
//
//   node --import tsx bench/remote.ts [--rtt 20,100] [--parallel cli,0,4,8] [--tags EXPR] [--compiled]
//
// --compiled runs the built package (dist/, `npm run build` first), as a vendor who installed it
// does; otherwise the sources through tsx, whose start-up costs each worker more.
// Defaults: --rtt 100 --parallel 8, the whole suite (`npm run bench` runs the defaults). `cli`
// passes no --parallel, so the CLI's own default applies. A serial run of the whole suite at
// 100 ms takes about 3.5 minutes at 030ded1; --tags runs a subset.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LoggedRequest, startDelayProxy } from "./delay_proxy.ts";
import { scenarioRoundTrips } from "./scenario_segments.ts";
import { startServerProcess } from "./target_process.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUN_LIMIT_MS = 40 * 60_000;

type Parallel = number | "cli";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : (process.argv[at + 1] ?? "");
}

function usage(message: string): never {
  process.stderr.write(`bench/remote.ts: ${message}\n`);
  process.exit(2);
}

function integers(name: string, text: string, min: number, max: number, cli: boolean): Parallel[] {
  return text.split(",").map((part) => {
    const word = part.trim();
    if (cli && word === "cli") return "cli";
    const value = Number(word);
    if (!/^\d+$/.test(word) || value < min || value > max)
      usage(
        `${name} takes integers from ${min} to ${max}${cli ? ' or "cli"' : ""}, comma-separated; got "${text}"`,
      );
    return value;
  });
}

const rtts = integers("--rtt", option("--rtt") ?? "100", 0, 2000, false) as number[];
const parallels = integers("--parallel", option("--parallel") ?? "8", 0, 32, true);
const tags = option("--tags");
if (tags === "") usage("--tags needs an expression");

interface ScenarioFigures {
  name: string;
  location: string;
  exchanges: number;
  durationMs: number;
  status: string;
  failure?: { message: string };
}

interface Run {
  rtt: number;
  parallel: Parallel;
  wallMs: number;
  exit: number | string;
  stderrTail: string;
  scenarios: ScenarioFigures[];
  log: readonly LoggedRequest[];
  rpc: number;
  other: number;
  waves: number;
  maxInFlight: number;
}

function runCli(args: string[]): Promise<{ exit: number | string; stderr: string }> {
  return new Promise((resolve) => {
    const cli = process.argv.includes("--compiled")
      ? ["dist/src/cli/main.js"]
      : ["--import", "tsx", "src/cli/main.ts"];
    const child = spawn(process.execPath, [...cli, ...args], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, CONFORMANCE_TARGET: "" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const limit = setTimeout(() => child.kill("SIGKILL"), RUN_LIMIT_MS);
    child.once("exit", (code, signal) => {
      clearTimeout(limit);
      resolve({ exit: code ?? String(signal), stderr });
    });
  });
}

function readScenarios(reports: string): ScenarioFigures[] {
  try {
    const report = JSON.parse(readFileSync(join(reports, "report.json"), "utf8")) as {
      scenarios: ScenarioFigures[];
    };
    return report.scenarios;
  } catch {
    return [];
  }
}

async function measure(rtt: number, parallel: Parallel): Promise<Run> {
  const server = await startServerProcess();
  const proxy = await startDelayProxy(server.url, rtt);
  const reports = mkdtempSync(join(tmpdir(), "tlc-remote-"));
  try {
    const started = performance.now();
    const { exit, stderr } = await runCli([
      "run",
      "--target",
      proxy.url,
      ...(parallel === "cli" ? [] : ["--parallel", String(parallel)]),
      ...(tags === undefined ? [] : ["--tags", tags]),
      "--reports",
      reports,
    ]);
    const wallMs = performance.now() - started;
    const stderrTail = stderr.trim().split("\n").slice(-3).join(" / ");
    const scenarios = readScenarios(reports);
    return { rtt, parallel, wallMs, exit, stderrTail, scenarios, log: proxy.log(), ...proxy.counts() };
  } finally {
    await proxy.close();
    server.stop();
    rmSync(reports, { recursive: true, force: true });
  }
}

function spread(values: number[]): string {
  if (values.length === 0) return "–";
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${sorted[0]} / ${median} / ${sorted[sorted.length - 1]}`;
}

const runs: Run[] = [];
for (const rtt of rtts) {
  for (const parallel of parallels) {
    const run = await measure(rtt, parallel);
    runs.push(run);
    // Progress on stderr, so a long run shows it is alive; the tables go to stdout at the end.
    process.stderr.write(
      `rtt ${rtt} ms, --parallel ${parallel}: ${(run.wallMs / 1000).toFixed(1)} s, exit ${run.exit}\n`,
    );
  }
}

process.stdout.write(
  `\n${tags === undefined ? "whole suite" : `scenarios ${tags}`}, cold, through the CLI; reference server behind a delay proxy on loopback\n\n` +
    "| RTT | --parallel | wall | exit | scenarios passed | requests | of them in scenarios | sequential round trips of the run |\n" +
    "|---|---|---|---|---|---|---|---|\n",
);
for (const r of runs) {
  const passed = r.scenarios.filter((s) => s.status === "passed").length;
  const exit = r.exit === 0 ? "0" : `${r.exit} (${r.stderrTail})`;
  const waves = r.parallel === 0 ? String(r.waves) : `– (up to ${r.maxInFlight} in flight)`;
  process.stdout.write(
    `| ${r.rtt} ms | ${r.parallel} | ${(r.wallMs / 1000).toFixed(1)} s | ${exit} | ${passed}/${r.scenarios.length} | ${r.rpc} | ${r.scenarios.reduce((sum, x) => sum + x.exchanges, 0)} | ${waves} |\n`,
  );
}

/**
 * Sequential round trips per scenario, from a serial run, and how they were found: exactly, from
 * the proxy's log split by bearer key (scenario_segments.ts), when the split matches report.json;
 * else estimated from each scenario's duration, since each round trip costs at least one RTT.
 * Other runs (workers, or the CLI's default, which may use them) give none: workers' scenarios
 * overlap at the proxy, and their durations include waiting for a shared CPU (up to 3x the serial
 * figure at --parallel 8 on two cores).
 */
function roundTrips(r: Run): { trips: number[]; how: string } {
  if (r.parallel !== 0) return { trips: [], how: "serial runs only" };
  const exact = scenarioRoundTrips(
    r.log,
    r.scenarios.map((s) => s.exchanges),
  );
  if (exact && exact.trips.length > 0) {
    const ahead = exact.signUpsAhead > 0 ? ` (${exact.signUpsAhead} sign-up requests ahead left out)` : "";
    return { trips: exact.trips, how: `proxy${ahead}` };
  }
  if (r.rtt === 0) return { trips: [], how: "no split matched report.json" };
  return { trips: r.scenarios.map((s) => Math.floor(s.durationMs / r.rtt)), how: "duration ÷ RTT" };
}

for (const r of runs) {
  for (const s of r.scenarios.filter((scenario) => scenario.status !== "passed"))
    process.stdout.write(
      `\n${r.rtt} ms, --parallel ${r.parallel}: ${s.status} ${s.location} ${s.name}: ${(s.failure?.message ?? "").split("\n")[0]}`,
    );
}

process.stdout.write(
  "\n\nper scenario, min / median / max: requests (report.json `exchanges`) and sequential round trips\n" +
    "(proxy: its log, split into scenarios by bearer key and checked against report.json;\n" +
    "duration ÷ RTT: the scenario's duration in report.json over the RTT, rounded down)\n\n" +
    "| RTT | --parallel | requests per scenario | sequential round trips per scenario | counted by |\n" +
    "|---|---|---|---|---|\n",
);
for (const r of runs) {
  const { trips, how } = roundTrips(r);
  process.stdout.write(
    `| ${r.rtt} ms | ${r.parallel} | ${spread(r.scenarios.map((s) => s.exchanges))} | ${spread(trips)} | ${how} |\n`,
  );
}
