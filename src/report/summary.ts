// The console summary: who ran what against which target, each requirement that did not pass,
// the first lines of each failure, then the verdict line (naming target faults and harness
// errors apart from failures) and last the plain count line CI tools read.
import type { ConformanceReport, ScenarioOutcome } from "./model.ts";

export function countLine(report: ConformanceReport): string {
  // Only these words fit the line CI tools read: every scenario that ran and did not pass is
  // "failed" here (target faults, harness errors, listed failures too); the verdict line above
  // tells them apart. Scenarios that were not claimed count as skipped.
  const t = report.totals;
  const failed = t.failed + t.targetFaults + t.harnessErrors + t.unexpectedPasses;
  const skipped = t.skipped + t.notClaimed + t.notApplicable;
  return `conformance: ${t.passed - t.unexpectedPasses} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

export function verdictLine(report: ConformanceReport): string {
  const t = report.totals;
  const parts = [
    `${t.passed} passed`,
    `${t.failed} failed${t.expectedFailures > 0 ? ` (${t.expectedFailures} listed as expected)` : ""}`,
    `${t.targetFaults} target faults`,
    `${t.harnessErrors} harness errors`,
    ...(t.notClaimed > 0 ? [`${t.notClaimed} not claimed`] : []),
    ...(t.notApplicable > 0 ? [`${t.notApplicable} not applicable on this wire`] : []),
    ...(t.unexpectedPasses > 0 ? [`${t.unexpectedPasses} unexpected passes`] : []),
  ];
  return `verdict: ${report.verdictLine} · ${parts.join(", ")} · CI ${report.ci.summary} (exit ${report.ci.exitCode})`;
}

function failureLines(s: ScenarioOutcome): string[] {
  const f = s.failure;
  const label = { failed: "✖", "target-fault": "⚠ target fault:", "harness-error": "⚙ harness error:" }[
    s.status as "failed"
  ];
  const listed = s.expectation ? ` [${s.expectation.outcome}: ${s.expectation.tracking}]` : "";
  const lines = ["", `${label ?? "✖"} ${s.name} (${s.location})${listed}`];
  const text =
    f?.kind === "requirement"
      ? [
          `${f.requirementId}: ${f.subject}`,
          `  Expected: ${f.expected}`,
          `  Actual: ${f.actual}`,
          ...(f.pointer !== undefined ? [`  Pointer: ${f.pointer || "/"}`] : []),
        ]
      : (f?.message ?? "").split("\n").slice(0, 6);
  for (const line of text) lines.push(`    ${line}`);
  return lines;
}

export function formatSummary(report: ConformanceReport): string {
  const m = report.meta;
  const lines = [
    `tl-conformance ${m.suiteVersion} (digest ${m.suiteDigest.slice(0, 12)}) against ${m.target}`,
  ];
  for (const reason of report.reasons) lines.push(`  ${reason}`);
  const quiet = new Set(["passed", "not-claimed", "not-applicable"]);
  for (const r of report.requirements.filter((r) => !quiet.has(r.verdict))) {
    const listed = r.expected ? ` (listed: ${r.expected.tracking})` : "";
    lines.push(`  ${r.level.padEnd(6)} ${r.id.padEnd(20)} ${r.verdict}${listed}`);
  }
  const bad = report.scenarios.filter(
    (s) => s.status === "failed" || s.status === "target-fault" || s.status === "harness-error",
  );
  for (const s of bad.slice(0, 20)) lines.push(...failureLines(s));
  if (bad.length > 20) lines.push("", `… and ${bad.length - 20} more in the report`);
  for (const s of report.scenarios.filter((s) => s.expectation?.outcome === "unexpected-pass"))
    lines.push(
      "",
      `✔ unexpected pass: ${s.name} (${s.location}) is listed as failing (${s.expectation?.tracking})`,
    );
  return lines.join("\n");
}
