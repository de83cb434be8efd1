// The console summary: the run verdict, each requirement that did not pass, and the first lines
// of each failure, ending with the plain count line CI tools read.
import type { ConformanceReport } from "./model.ts";

export function countLine(report: ConformanceReport): string {
  // Scenarios with errors count as failed here: the line CI tools read has only these words.
  const t = report.totals;
  const skipped = t.skipped > 0 ? `, ${t.skipped} skipped` : "";
  return `conformance: ${t.passed} passed, ${t.failed + t.errors} failed${skipped}`;
}

export function formatSummary(report: ConformanceReport): string {
  const lines = [
    `tl-conformance ${report.meta.suiteVersion} (digest ${report.meta.suiteDigest.slice(0, 12)}) against ${report.meta.target}`,
    `verdict: ${report.verdict}`,
  ];
  const notPassed = report.requirements.filter((r) => r.verdict !== "passed");
  for (const r of notPassed) lines.push(`  ${r.level.padEnd(6)} ${r.id.padEnd(20)} ${r.verdict}`);
  for (const s of report.scenarios.filter((s) => s.status === "failed" || s.status === "error")) {
    lines.push("", `✖ ${s.name} (${s.location})`);
    for (const line of (s.failure?.message ?? "").split("\n").slice(0, 6)) lines.push(`    ${line}`);
  }
  return lines.join("\n");
}
