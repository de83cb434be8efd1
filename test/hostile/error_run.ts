// What every run against a hostile target must end as, on either wire: exit 3 (ERROR) within the
// wall limit, no crash, no socket left to keep the process alive, a report matching its schema
// whose first scenario is a target fault with the expected code and all its exchanges.
import assert from "node:assert/strict";
import type { ConformanceReport } from "../../src/report/index.ts";
import { readReport } from "../reports.ts";
import type { CliRun } from "../run_cli.ts";

type Scenario = ConformanceReport["scenarios"][number];

export function assertErrorRun(run: CliRun, reports: string, code: string, wallLimitMs: number): Scenario {
  assert.equal(run.signal, null, "the harness must not be killed");
  assert.equal(run.code, 3, `exit code 3 (ERROR), got ${run.code}; stderr:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /Unhandled|uncaught|ERR_UNHANDLED_REJECTION/i);
  assert.doesNotMatch(run.stderr, /still open/, "the run let go of every connection by itself");
  assert.ok(run.ms < wallLimitMs, `finished in ${run.ms.toFixed(0)} ms`);
  const report = readReport(reports);
  const scenario = report.scenarios[0];
  assert.ok(scenario, "the report has the scenario");
  assert.equal(scenario.status, "target-fault");
  assert.equal(scenario.failure?.code, code, `reason: ${scenario.failure?.message}`);
  assert.equal(report.verdict, "ERROR");
  assert.equal(report.totals.failed, 0, "a target fault is no failed requirement");
  assert.equal(
    scenario.transcript?.length ?? 0,
    scenario.exchanges ?? 0,
    "every exchange the scenario made is in the report",
  );
  return scenario;
}
