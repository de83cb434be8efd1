// report.html: one self-contained file for people, readable without scripts or network: the
// verdict and the failed requirements first, then the run, the claims, the expected failures,
// every requirement, and every scenario with its transcript. Every string that came from the
// target is escaped: a hostile server may answer with markup.
import { anchor, failedScenarioHtml, failureHtml, passedScenarioHtml, pill } from "./html_scenarios.ts";
import { STYLE } from "./html_style.ts";
import type { ConformanceReport, RequirementOutcome } from "./model.ts";
import { verdictText } from "./run_verdict.ts";
import { escapeMarkup as x } from "./xml_text.ts";

const table = (rows: [string, string][]) =>
  `<table>${rows.map(([k, v]) => `<tr><th>${x(k)}</th><td>${x(v)}</td></tr>`).join("")}</table>`;

function failedRequirements(report: ConformanceReport): string {
  const failed = report.requirements.filter((r) => r.verdict === "failed");
  const items = failed.map((r) => {
    const s = report.scenarios.find((s) => s.status === "failed" && s.failure?.requirementId === r.id);
    const listed = r.expected
      ? ` ${pill("expected-fail")} <span class="muted">${x(r.expected.tracking)}</span>`
      : "";
    const where = s
      ? `<p class="muted">first in <a href="#${anchor(s)}">${x(s.name)}</a> (${x(s.location)})</p>`
      : "";
    return `<h3>${pill(r.level === "MUST" ? "failed" : "warning")} ${x(r.level)} ${x(r.id)}${listed}</h3><p>${x(r.source)}</p>${s?.failure ? failureHtml(s.failure) : ""}${where}`;
  });
  const faults = report.scenarios.filter((s) => s.status === "target-fault" || s.status === "harness-error");
  const faultList = faults.length
    ? `<h3>${pill("target-fault")} Target faults and harness errors (${faults.length})</h3><ul>${faults
        .slice(0, 50)
        .map(
          (s) =>
            `<li><a href="#${anchor(s)}">${x(s.name)}</a>: <b>${x(s.failure?.code ?? s.status)}</b></li>`,
        )
        .join("")}</ul>`
    : "";
  const body = items.join("") + faultList || "<p>None.</p>";
  return `<section id="failed-requirements"><h2>Failed requirements (${failed.length})</h2>${body}</section>`;
}

function runTable(report: ConformanceReport): string {
  const m = report.meta;
  const t = report.totals;
  const rows: [string, string][] = [
    ["Suite", `tl-conformance ${m.suiteVersion}`],
    ["Suite digest (sha256)", m.suiteDigest],
    ["Target", `${m.target} (${m.targetKind})`],
    ["Wire", `${m.wire ?? "http-json"}${m.transport ? ` (${m.transport} transport)` : ""}`],
    ["Started", m.startedAt],
    ["Finished", m.finishedAt],
    ["Command", m.command],
    ["Node, OS", m.provenance ? `${m.provenance.node}, ${m.provenance.os} (${m.provenance.runtime})` : "—"],
    [
      "Scenarios",
      `${t.passed} passed, ${t.failed} failed (${t.expectedFailures} listed), ${t.targetFaults} target faults, ${t.harnessErrors} harness errors, ${t.skipped} skipped, ${t.notClaimed} not claimed, ${t.notApplicable} not applicable on this wire`,
    ],
    [
      "Claims",
      `layers ${report.scope.layers.join(", ")}; features: ${report.scope.features.join(", ") || "none"}`,
    ],
  ];
  const config = Object.entries(m.configuration ?? {}).map(([k, e]): [string, string] => [
    k,
    `${JSON.stringify(e.value)} (${e.source})`,
  ]);
  return `<h2>Run</h2>${table(rows)}${config.length ? `<h3>Effective configuration</h3>${table(config)}` : ""}`;
}

function requirementRow(r: RequirementOutcome): string {
  const where = r.scenarios
    .map((s) => `${pill(s.verdict)} <span class="muted">${x(s.location)}</span>`)
    .join("<br>");
  return `<tr><td><b>${x(r.id)}</b></td><td>${x(r.level)}</td><td>${pill(r.verdict)}${r.expected ? ` ${pill("expected-fail")}` : ""}</td><td>${x(r.source)}<br><span class="muted">${x(r.check)}</span></td><td>${where}</td></tr>`;
}

function expectedTable(report: ConformanceReport): string {
  if (report.expectedFailures.length === 0) return "";
  const rows = report.expectedFailures
    .map(
      (e) =>
        `<tr><td>${x(e.requirement)}</td><td>${x(e.scenario ?? "any")}</td><td>${pill(e.outcome)}</td><td>${x(e.reason)}</td><td>${x(e.tracking)}</td></tr>`,
    )
    .join("");
  return `<h2>Expected failures</h2><table><tr><th>Requirement</th><th>Scenario</th><th>Outcome</th><th>Reason</th><th>Tracking</th></tr>${rows}</table>`;
}

export function renderHtml(report: ConformanceReport): string {
  const bad = report.scenarios.filter(
    (s) => s.status === "failed" || s.status === "target-fault" || s.status === "harness-error",
  );
  const good = report.scenarios.filter((s) => s.status === "passed");
  const notClaimed = report.scenarios.filter((s) => s.status === "not-claimed");
  const notApplicable = report.scenarios.filter((s) => s.status === "not-applicable");
  const reasons = report.reasons.map((r) => `<li>${x(r)}</li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tl-conformance: ${x(verdictText(report.verdict))}</title><style>${STYLE}</style></head><body>
<h1>tl-conformance report</h1><div class="banner ${x(report.verdict)}" id="verdict"><b>${x(verdictText(report.verdict))}</b>${x(report.verdictLine)}<br>CI outcome: ${x(report.ci.summary)} (exit ${report.ci.exitCode})</div>
${failedRequirements(report)}
${reasons ? `<h2>Why</h2><ul>${reasons}</ul>` : ""}
${runTable(report)}
${expectedTable(report)}
<h2>Requirements</h2><table><tr><th>Id</th><th>Level</th><th>Verdict</th><th>Source and check</th><th>Scenarios</th></tr>${report.requirements.map(requirementRow).join("")}</table>
<h2>Scenarios that did not pass (${bad.length})</h2>${bad.map(failedScenarioHtml).join("") || "<p>None.</p>"}
${notClaimed.length ? `<h2>Not claimed, not run (${notClaimed.length})</h2><ul>${notClaimed.map((s) => `<li>${x(s.name)} <span class="muted">${x(s.location)} · needs ${x(s.needs.join(", "))}</span></li>`).join("")}</ul>` : ""}
${notApplicable.length ? `<h2>Not applicable on ${x(report.meta.wire ?? "this wire")}, not run (${notApplicable.length})</h2><ul>${notApplicable.map((s) => `<li>${x(s.name)} <span class="muted">${x(s.location)} · ${x(s.tags.filter((t) => t.startsWith("@wire-")).join(", "))}</span></li>`).join("")}</ul>` : ""}
<h2>Passed scenarios (${good.length})</h2>${good.map(passedScenarioHtml).join("")}
</body></html>
`;
}
