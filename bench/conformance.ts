// Cold wall time of the whole suite against the embedded reference server, as a user sees it:
// a fresh process each time, started as `npm run conformance` starts it (scripts/from_source.js:
// the compiled dist/ while it is current, else the sources through tsx; the output says which),
// so module loading and schema building count.
// Both wires, in alternating rounds (TL-JSON over HTTP, then MTProto), so a busy machine weighs
// on both sides of their ratio alike.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { distIsCurrent } from "../scripts/build_inputs.js";

const RUNS = 3;
const root = fileURLToPath(new URL("..", import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type Wire = "http-json" | "mtproto";

function timeOneRun(parallel: number, wire: Wire): number {
  const reports = mkdtempSync(join(tmpdir(), "tlc-bench-"));
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      "scripts/from_source.js",
      "run",
      "--binding",
      wire,
      "--reports",
      reports,
      "--parallel",
      String(parallel),
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, CONFORMANCE_TARGET: "" } },
  );
  const elapsed = performance.now() - started;
  rmSync(reports, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`conformance run failed (exit ${run.status}):\n${run.stderr}`);
  return elapsed;
}

const rows: string[] = [];
for (const parallel of [0, 2]) {
  const times: Record<Wire, number[]> = { "http-json": [], mtproto: [] };
  for (let round = 0; round < RUNS; round++)
    for (const wire of ["http-json", "mtproto"] as const) times[wire].push(timeOneRun(parallel, wire));
  const cell = (values: number[]) =>
    `${(median(values) / 1000).toFixed(2)} s (${(Math.min(...values) / 1000).toFixed(2)}–${(Math.max(...values) / 1000).toFixed(2)})`;
  const ratio = median(times.mtproto) / median(times["http-json"]);
  rows.push(
    `| --parallel ${parallel} | ${cell(times["http-json"])} | ${cell(times.mtproto)} | ${ratio.toFixed(2)}× |`,
  );
}
const started = distIsCurrent(root)
  ? "the compiled dist/ (current)"
  : "the sources through tsx (dist/ is stale)";
process.stdout.write(
  `cold \`npm run conformance\` against the embedded server, ${RUNS} rounds, wires alternating; ran ${started}\n`,
);
process.stdout.write(
  "| run | TL-JSON median (min–max) | MTProto median (min–max) | MTProto / TL-JSON |\n|---|---|---|---|\n",
);
process.stdout.write(`${rows.join("\n")}\n`);
