// Cold wall time of the whole suite against the embedded reference server, as a user sees it:
// a fresh process each time (`tl-conformance run`), so module loading and schema building count.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = 3;
const root = fileURLToPath(new URL("..", import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeOneRun(parallel: number): number {
  const reports = mkdtempSync(join(tmpdir(), "tlc-bench-"));
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "run", "--reports", reports, "--parallel", String(parallel)],
    { cwd: root, encoding: "utf8", env: { ...process.env, CONFORMANCE_TARGET: "" } },
  );
  const elapsed = performance.now() - started;
  rmSync(reports, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`conformance run failed (exit ${run.status}):\n${run.stderr}`);
  return elapsed;
}

const rows: string[] = [];
for (const parallel of [0, 2]) {
  const times = Array.from({ length: RUNS }, () => timeOneRun(parallel));
  rows.push(
    `| --parallel ${parallel} | ${(median(times) / 1000).toFixed(2)} s | ${(Math.min(...times) / 1000).toFixed(2)} s | ${(Math.max(...times) / 1000).toFixed(2)} s |`,
  );
}
process.stdout.write(`cold \`tl-conformance run\` against the embedded server, ${RUNS} runs each\n`);
process.stdout.write("| run | median | min | max |\n|---|---|---|---|\n");
process.stdout.write(`${rows.join("\n")}\n`);
