// What --parallel auto chooses between: wall time of the built `tl-conformance run` (as a vendor
// runs it: compiled, no TypeScript loader) at 0, 2 and 8 worker processes, on loopback (the
// embedded server shares the CPU) and against targets whose every answer comes 30 or 100 ms
// late (workers wait on the network, not on the CPU). Layer-1 claims keep each run short.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startFront } from "../test/hostile/front.ts";

const RUNS = 2;
const root = fileURLToPath(new URL("..", import.meta.url));
if (
  spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: root, stdio: "inherit" })
    .status !== 0
)
  throw new Error("npm run build failed");

async function timeRun(target: string | undefined, workers: number): Promise<number> {
  const reports = mkdtempSync(join(tmpdir(), "tlc-bench-parallel-"));
  const args = ["bin/tl-conformance.js", "run", "--reports", reports, "--parallel", String(workers)];
  const claims = ["--claim-layers", "1", "--claim-features", "none"];
  const started = performance.now();
  // Asynchronously: a blocking spawn would stall the slow target, which answers from this process.
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...args, ...claims, ...(target ? ["--target", target] : [])], {
      cwd: root,
      env: { ...process.env, CONFORMANCE_TARGET: "" },
      stdio: "ignore",
    });
    child.on("close", resolve);
  });
  const elapsed = performance.now() - started;
  rmSync(reports, { recursive: true, force: true });
  if (code !== 0) throw new Error(`run with --parallel ${workers} exited ${code}`);
  return elapsed;
}

const range = (times: number[]) =>
  `${(Math.min(...times) / 1000).toFixed(1)}–${(Math.max(...times) / 1000).toFixed(1)} s`;

const slow = await startFront({ delayMs: 30 });
const slower = await startFront({ delayMs: 100 });
const rows: string[] = [];
try {
  for (const [name, target] of [
    ["embedded server", undefined],
    ["30 ms per answer", slow.url],
    ["100 ms per answer", slower.url],
  ] as const) {
    const cells: string[] = [];
    for (const workers of [0, 2, 8]) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await timeRun(target, workers));
      cells.push(range(times));
    }
    rows.push(`| ${name} | ${cells.join(" | ")} |`);
  }
} finally {
  await slow.close();
  await slower.close();
}
process.stdout.write(`wall time of \`tl-conformance run\` (layer-1 claims), ${RUNS} runs each\n`);
process.stdout.write("| target | --parallel 0 | --parallel 2 | --parallel 8 |\n|---|---|---|---|\n");
process.stdout.write(`${rows.join("\n")}\n`);
