// The scenario sections of report.html: each one that did not pass with its failure, steps and
// whole transcript; each passing one with its compact transcript, so a PASS can be audited.
import { compactTable, exchangeHtml } from "./html_exchange.ts";
import type { Failure, ScenarioOutcome } from "./model.ts";
import { escapeMarkup as x } from "./xml_text.ts";

export const pill = (verdict: string) => `<span class="pill ${x(verdict)}">${x(verdict)}</span>`;

export const anchor = (s: { location: string }) => `s-${s.location.replace(/[^A-Za-z0-9]+/g, "-")}`;

export function failureHtml(f: Failure): string {
  const cls =
    f.kind === "requirement" ? "failure" : f.kind === "target" ? "failure fault" : "failure harness";
  if (f.kind !== "requirement")
    return `<div class="${cls}"><b>${x(f.code ?? (f.kind === "target" ? "target fault" : "harness error"))}</b><pre>${x(f.message)}</pre></div>`;
  const rows: [string, string | undefined][] = [
    ["Requirement", f.requirementId],
    ["Subject", f.subject],
    ["Expected", f.expected],
    ["Actual", f.actual],
    ["Pointer", f.pointer === undefined ? undefined : f.pointer || "/"],
  ];
  const table = rows
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<tr><th>${k}</th><td>${x(v ?? "")}</td></tr>`)
    .join("");
  return `<div class="${cls}"><table>${table}</table></div>`;
}

function expectationHtml(s: ScenarioOutcome): string {
  const e = s.expectation;
  if (!e) return "";
  return `<p>${pill(e.outcome)} ${x(e.reason)} · <span class="muted">${x(e.tracking)}</span></p>`;
}

export function failedScenarioHtml(s: ScenarioOutcome): string {
  const steps = s.steps
    .map((step) => `<tr><td>${pill(step.status)}</td><td>${x(step.text)}</td></tr>`)
    .join("");
  const failing = new Set(s.failingExchanges ?? []);
  const transcript = (s.transcript ?? [])
    .map((e) => exchangeHtml(e, failing.has(e.seq), s.location))
    .join("");
  return `<section id="${anchor(s)}"><h3>${pill(s.status)} ${x(s.name)}</h3><p class="muted">${x(s.location)} · ${x(s.tags.join(" "))}</p>${expectationHtml(s)}
${s.failure ? failureHtml(s.failure) : ""}<table>${steps}</table>
<details open><summary>Transcript (${s.transcript?.length ?? 0} exchanges; the failing step's are open, with a reproduce command)</summary>${transcript}</details></section>`;
}

export function passedScenarioHtml(s: ScenarioOutcome): string {
  const whole = s.transcript ? s.transcript.map((e) => exchangeHtml(e, false)).join("") : "";
  const compact = s.compactTranscript ? compactTable(s.compactTranscript) : "";
  return `<details id="${anchor(s)}"><summary>${pill(s.status)} ${x(s.name)} <span class="muted">${x(s.location)} · ${s.exchanges} exchanges</span>${s.expectation ? ` ${pill(s.expectation.outcome)}` : ""}</summary>${expectationHtml(s)}${whole || compact}</details>`;
}
