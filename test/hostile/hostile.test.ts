// Every hostile target gives a target fault whose code names what went wrong, within the
// configured timeout, with no crash and no unhandled rejection, a report that says ERROR (the
// run could not judge the target, which is not the same as a failed requirement), and exit 3.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../run_cli.ts";
import { assertErrorRun } from "./error_run.ts";
import { HOSTILE_TARGETS, startHostile } from "./hostile_targets.ts";

const TIMEOUT_MS = 1000;
/** Process start, one timeout per exchange the scenario reaches, report writing. */
const WALL_LIMIT_MS = 20_000;

for (const target of HOSTILE_TARGETS) {
  test(`a target that ${target.name} gives a ${target.expect} target fault, verdict ERROR and a report`, async () => {
    const hostile = await startHostile(target);
    const reports = mkdtempSync(join(tmpdir(), "tlc-hostile-"));
    try {
      const run = await runCli(
        [
          "run",
          "--target",
          hostile.url,
          "--timeout-ms",
          String(TIMEOUT_MS),
          "--tags",
          "@REQ-S2-FOREIGN",
          "--reports",
          reports,
        ],
        { killAfterMs: WALL_LIMIT_MS * 2 },
      );
      const scenario = assertErrorRun(run, reports, target.expect, WALL_LIMIT_MS);
      // Accounts are signed up ahead, and the scenario that takes one adopts its sign-up
      // exchanges, failed ones too: the fault is in the report with what the target did.
      assert.ok(
        (scenario.transcript?.length ?? 0) > 0,
        "the transcript of the failed scenario is in the report",
      );
      const html = readFileSync(join(reports, "report.html"), "utf8");
      assert.doesNotMatch(html, /<script>alert/, "target text is escaped in the HTML report");
    } finally {
      rmSync(reports, { recursive: true, force: true });
      await hostile.close();
    }
  });
}
