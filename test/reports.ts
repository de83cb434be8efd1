// Every report a test produces is checked against the schema the project ships
// (docs/report.schema.json is REPORT_SCHEMA as JSON), so a report cannot drift from its schema.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { type ConformanceReport, REPORT_SCHEMA } from "../src/report/index.ts";

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(REPORT_SCHEMA);

/** The report, after asserting it matches the schema. */
export function validReport(value: unknown): ConformanceReport {
  const ok = validate(value);
  const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
  assert.ok(ok, `report.json does not match docs/report.schema.json:\n${problems.join("\n")}`);
  return value as unknown as ConformanceReport;
}

export function readReport(dir: string): ConformanceReport {
  return validReport(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")));
}
