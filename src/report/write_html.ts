// report.html: one self-contained file for people, readable without scripts or network. Every
// string that came from the target is escaped: a hostile server may answer with markup.
import type { TranscriptEntry } from "./attachments.ts";
import type { ConformanceReport, RequirementOutcome, ScenarioOutcome } from "./model.ts";
import { escapeMarkup as x } from "./xml_text.ts";

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.v{display:inline-block;padding:.15rem .6rem;border-radius:.3rem;font-weight:600;color:#fff}
.PASS,.passed{background:#1e7d32}.PASS_WITH_WARNINGS,.inconclusive{background:#b26a00}.FAIL,.failed,.error{background:#b3261e}
.INCOMPLETE,.untested,.skipped{background:#6b6b6b}.pill{font-size:.8rem;padding:.05rem .45rem;border-radius:.25rem;color:#fff}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-all}
details{margin:.4rem 0}summary{cursor:pointer}.muted{color:#666}`;

const pill = (verdict: string) => `<span class="pill ${x(verdict)}">${x(verdict)}</span>`;

function metaTable(report: ConformanceReport): string {
  const m = report.meta;
  const rows: [string, string][] = [
    ["Suite", `tl-conformance ${m.suiteVersion}`],
    ["Suite digest (sha256)", m.suiteDigest],
    ["Target", `${m.target} (${m.targetKind})`],
    ["Started", m.startedAt],
    ["Finished", m.finishedAt],
    ["Command", m.command],
    [
      "Scenarios",
      `${report.totals.passed} passed, ${report.totals.failed} failed, ${report.totals.errors} errors, ${report.totals.skipped} skipped`,
    ],
  ];
  return `<table>${rows.map(([k, v]) => `<tr><th>${x(k)}</th><td>${x(v)}</td></tr>`).join("")}</table>`;
}

function requirementRow(r: RequirementOutcome): string {
  const where = r.scenarios
    .map((s) => `${pill(s.verdict)} <span class="muted">${x(s.location)}</span>`)
    .join("<br>");
  return `<tr><td><b>${x(r.id)}</b></td><td>${x(r.level)}</td><td>${pill(r.verdict)}</td><td>${x(r.source)}<br><span class="muted">${x(r.check)}</span></td><td>${where}</td></tr>`;
}

function entryHtml(e: TranscriptEntry): string {
  const response = e.response
    ? `HTTP ${e.response.status}\n${JSON.stringify(e.response.body ?? e.response.bodyText ?? "", null, 2)}`
    : "(no response)";
  const error = e.error ? `\n${e.error.message}` : "";
  return `<details><summary>#${e.seq} ${x(e.role)} → ${x(e.method)} (layer ${e.layer}) ${e.response ? e.response.status : "—"} ${e.durationMs.toFixed(1)} ms${e.error ? ` · ${x(e.error.code)}` : ""}</summary><pre>${x(JSON.stringify(e.request.body, null, 2))}</pre><pre>${x(response + error)}</pre></details>`;
}

function failedScenario(s: ScenarioOutcome): string {
  const steps = s.steps
    .map((step) => `<tr><td>${pill(step.status.toLowerCase())}</td><td>${x(step.text)}</td></tr>`)
    .join("");
  return `<section><h3>${pill(s.status)} ${x(s.name)}</h3><p class="muted">${x(s.location)} · ${x(s.tags.join(" "))}</p>
<pre>${x(s.failure?.message ?? "")}</pre><table>${steps}</table>
<details><summary>Transcript (${s.transcript?.length ?? 0} exchanges)</summary>${(s.transcript ?? []).map(entryHtml).join("")}</details></section>`;
}

export function renderHtml(report: ConformanceReport): string {
  const failed = report.scenarios.filter((s) => s.status === "failed" || s.status === "error");
  const passed = report.scenarios.filter((s) => s.status === "passed");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tl-conformance report: ${x(report.verdict)}</title><style>${STYLE}</style></head><body>
<h1>tl-conformance report <span class="v ${x(report.verdict)}">${x(report.verdict)}</span></h1>${metaTable(report)}
<h2>Requirements</h2><table><tr><th>Id</th><th>Level</th><th>Verdict</th><th>Source and check</th><th>Scenarios</th></tr>${report.requirements.map(requirementRow).join("")}</table>
<h2>Failed scenarios (${failed.length})</h2>${failed.map(failedScenario).join("") || "<p>None.</p>"}
<h2>Passed scenarios (${passed.length})</h2><details><summary>Show</summary><ul>${passed.map((s) => `<li>${x(s.name)} <span class="muted">${x(s.location)}</span></li>`).join("")}</ul></details>
</body></html>
`;
}
