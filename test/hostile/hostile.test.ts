// Every hostile target gives a failed (error) step whose reason names what went wrong, within
// the configured timeout, with no crash and no unhandled rejection, and the report is written.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ConformanceReport } from "../../src/report/index.ts";
import { HOSTILE_TARGETS, startHostile } from "./hostile_targets.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT_MS = 1000;
/** Process start, one timeout per exchange the scenario reaches, report writing. */
const WALL_LIMIT_MS = 20_000;

function runCli(
  args: string[],
): Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, CONFORMANCE_TARGET: "" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.resume();
    const killer = setTimeout(() => child.kill("SIGKILL"), WALL_LIMIT_MS * 2);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stderr, ms: performance.now() - started });
    });
  });
}

for (const target of HOSTILE_TARGETS) {
  test(`a target that ${target.name} gives a ${target.expect} error step and a report`, async () => {
    const hostile = await startHostile(target);
    const reports = mkdtempSync(join(tmpdir(), "tlc-hostile-"));
    try {
      const run = await runCli([
        "run",
        "--target",
        hostile.url,
        "--timeout-ms",
        String(TIMEOUT_MS),
        "--tags",
        "@REQ-S2-FOREIGN",
        "--reports",
        reports,
      ]);
      assert.equal(run.signal, null, "the harness must not be killed");
      assert.equal(run.code, 1, `exit code 1 (target failed), got ${run.code}; stderr:\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /Unhandled|uncaught|ERR_UNHANDLED_REJECTION/i);
      assert.ok(run.ms < WALL_LIMIT_MS, `finished in ${run.ms.toFixed(0)} ms`);
      const report = JSON.parse(readFileSync(join(reports, "report.json"), "utf8")) as ConformanceReport;
      const scenario = report.scenarios[0];
      assert.equal(scenario?.status, "error");
      assert.ok(
        scenario?.failure?.message.startsWith(`${target.expect}: `),
        `reason: ${scenario?.failure?.message}`,
      );
      assert.ok(
        (scenario?.transcript?.length ?? 0) > 0,
        "the transcript of the failed scenario is in the report",
      );
      assert.notEqual(report.verdict, "PASS");
      const html = readFileSync(join(reports, "report.html"), "utf8");
      assert.doesNotMatch(html, /<script>alert/, "target text is escaped in the HTML report");
    } finally {
      rmSync(reports, { recursive: true, force: true });
      await hostile.close();
    }
  });
}
