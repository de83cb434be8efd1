// report.md (`--format markdown`) and the summary appended to $GITHUB_STEP_SUMMARY: the verdict,
// the CI outcome, the counts, and each requirement that did not pass. Target text is escaped:
// GitHub renders HTML inside Markdown.
import type { ConformanceReport } from "./model.ts";
import { verdictText } from "./run_verdict.ts";

/** Safe in a Markdown table cell: no markup, no pipes, no line breaks. */
export function markdownCell(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/[|\\`*_[\]]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, " ");
}

export function renderMarkdown(report: ConformanceReport): string {
  const m = report.meta;
  const t = report.totals;
  const lines = [
    `## tl-conformance: ${verdictText(report.verdict)}`,
    "",
    `**${markdownCell(report.verdictLine)}**`,
    "",
    `CI outcome: ${markdownCell(report.ci.summary)} (exit ${report.ci.exitCode})`,
    "",
    `Suite ${markdownCell(m.suiteVersion)} (digest \`${m.suiteDigest.slice(0, 12)}\`) against ${markdownCell(m.target)}${m.wire ? ` over ${markdownCell(m.wire)}${m.transport ? ` (${markdownCell(m.transport)})` : ""}` : ""}, ${markdownCell(m.startedAt)}`,
    "",
    "| passed | failed | listed as expected | target faults | harness errors | not claimed | not applicable | skipped |",
    "|---|---|---|---|---|---|---|---|",
    `| ${t.passed} | ${t.failed} | ${t.expectedFailures} | ${t.targetFaults} | ${t.harnessErrors} | ${t.notClaimed} | ${t.notApplicable} | ${t.skipped} |`,
  ];
  const quiet = new Set(["passed", "not-claimed", "not-applicable"]);
  const notPassed = report.requirements.filter((r) => !quiet.has(r.verdict));
  if (notPassed.length > 0) {
    lines.push("", "| requirement | level | verdict | first failure |", "|---|---|---|---|");
    for (const r of notPassed) {
      const s = report.scenarios.find((s) => s.failure?.requirementId === r.id);
      const detail = s?.failure ? `expected ${s.failure.expected}, got ${s.failure.actual}` : "";
      const listed = r.expected ? ` (listed: ${r.expected.tracking})` : "";
      lines.push(
        `| ${r.id} | ${r.level} | ${r.verdict}${markdownCell(listed)} | ${markdownCell(detail).slice(0, 300)} |`,
      );
    }
  }
  if (report.reasons.length > 0) lines.push("", ...report.reasons.map((r) => `- ${markdownCell(r)}`));
  return `${lines.join("\n")}\n`;
}
