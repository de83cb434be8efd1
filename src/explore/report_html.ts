// reports/explore.html: one self-contained page for people. Everything that came from the target,
// or was built from it (failure messages, transcripts), is escaped: a hostile server may answer
// with markup.
import type { TranscriptEntry } from "../report/attachments.ts";
import { escapeMarkup as x } from "../report/xml_text.ts";
import type { ExploreReport } from "./report_json.ts";

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.v{display:inline-block;padding:.15rem .6rem;border-radius:.3rem;font-weight:600;color:#fff}
.PASS{background:#1e7d32}.PASS_WITH_WARNINGS,.SHOULD{background:#b26a00}.FAIL,.MUST{background:#b3261e}.INCOMPLETE,.fault{background:#6b6b6b}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:28rem;white-space:pre-wrap;word-break:break-all}
details{margin:.3rem 0}summary{cursor:pointer}.muted{color:#666}`;

function entriesOf(transcript: unknown): TranscriptEntry[] {
  const entries = (transcript as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? (entries as TranscriptEntry[]) : [];
}

function exchange(e: TranscriptEntry): string {
  const response = e.response
    ? `HTTP ${e.response.status}\n${JSON.stringify(e.response.body ?? e.response.bodyText ?? "", null, 2)}`
    : `(no response)${e.error ? `\n${e.error.message}` : ""}`;
  return `<details><summary>#${x(String(e.seq))} ${x(String(e.role))} → ${x(String(e.method))} (layer ${x(String(e.layer))}) ${e.response ? x(String(e.response.status)) : "—"}</summary><pre>${x(JSON.stringify(e.request?.body, null, 2) ?? "")}</pre><pre>${x(response)}</pre></details>`;
}

function finding(f: ExploreReport["findings"][number], index: number): string {
  const label = f.level ?? "fault";
  const entries = entriesOf(f.transcript);
  const scenario = f.gherkin
    ? `<h4>Scenario to paste into a feature file</h4><pre>${x(f.gherkin)}</pre>`
    : `<h4>History</h4><pre>${x(f.history.join("\n"))}</pre>`;
  return `<section><h3>${index + 1}. <span class="v ${x(label)}">${x(label)}</span> ${x(f.key)}</h3>
<p class="muted">${f.commands} commands after ${f.shrinks} shrinks${f.shrinkComplete ? "" : " (shrinking not complete)"} · seed ${f.seed} · path ${x(f.path)}</p>
<h4>Replay</h4><pre>${x(f.replay)}</pre><h4>Failure</h4><pre>${x(f.message)}</pre>${scenario}
<details><summary>Transcript of the failing run (${entries.length} exchanges)</summary>${entries.map(exchange).join("")}</details></section>`;
}

export function renderExploreHtml(report: ExploreReport): string {
  const { meta, totals } = report;
  const rows: [string, string][] = [
    ["Suite", `tl-conformance ${meta.suiteVersion}`],
    ["Target", `${meta.target} (${meta.targetKind})`],
    ["Started", meta.startedAt],
    ["Finished", meta.finishedAt],
    ["Command", meta.command],
    ["Settings", JSON.stringify(meta.settings)],
    [
      "Totals",
      `${totals.runs} runs, ${totals.shrinks} shrink runs, ${totals.commands} commands (${totals.calls} calls) in ${(totals.elapsedMs / 1000).toFixed(1)} s (${totals.commandsPerSecond} commands/s); ended by ${totals.ended}`,
    ],
    [
      "Commands run",
      Object.entries(totals.covered)
        .map(([what, count]) => `${what}: ${count}`)
        .join(", "),
    ],
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tl-conformance explore: ${x(report.verdict)}</title><style>${STYLE}</style></head><body>
<h1>tl-conformance explore <span class="v ${x(report.verdict)}">${x(report.verdict)}</span></h1>
<table>${rows.map(([k, v]) => `<tr><th>${x(k)}</th><td>${x(v)}</td></tr>`).join("")}</table>
<h2>Findings (${report.findings.length})</h2>${report.findings.map(finding).join("") || "<p>None.</p>"}
</body></html>
`;
}
