// One exchange in report.html: method, URL, status, headers and bodies (JSON pretty-printed once),
// and a reproduce command where the exchange is part of the failure.
import type { CompactEntry, TranscriptEntry } from "./attachments.ts";
import { reproduceCommand } from "./reproduce.ts";
import { escapeMarkup as x } from "./xml_text.ts";

/** A body as people read it: JSON text or value indented once, anything else as it came. */
export function prettyBody(body: unknown): string {
  if (body === undefined) return "";
  if (typeof body !== "string") return JSON.stringify(body, null, 2) ?? "";
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const headerLines = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");

export function exchangeHtml(e: TranscriptEntry, failing: boolean, scenario?: string): string {
  const status = e.response ? `HTTP ${e.response.status}` : "no response";
  const head = `#${e.seq} ${x(e.role)} → ${x(e.method)} (layer ${e.layer}) · ${status} · ${e.durationMs.toFixed(1)} ms${e.error ? ` · <b>${x(e.error.code)}</b>` : ""}`;
  const request = `POST ${e.request.url}\n${headerLines(e.request.headers)}\n\n${prettyBody(e.request.body)}`;
  const response = e.response
    ? `${status}\n${headerLines(e.response.headers)}\n\n${prettyBody(e.response.body ?? e.response.bodyText)}${e.response.truncated ? "\n… (cut at the size cap)" : ""}`
    : "(no response)";
  const error = e.error ? `<p class="muted">${x(e.error.message)}</p>` : "";
  const command = failing ? reproduceCommand(e, scenario) : undefined;
  const reproduce = command ? `<p class="muted">Reproduce:</p><pre>${x(command)}</pre>` : "";
  return `<details${failing ? " open" : ""}><summary class="${failing ? "failing" : ""}">${head}</summary><p class="muted">Request</p><pre>${x(request)}</pre><p class="muted">Response</p><pre>${x(response)}</pre>${error}${reproduce}</details>`;
}

export function compactTable(entries: readonly CompactEntry[]): string {
  const rows = entries
    .map(
      (e) =>
        `<tr><td>#${e.seq}</td><td>${x(e.role)}</td><td>${x(e.method)}</td><td>${e.layer}</td><td>${e.status ?? x(e.error ?? "—")}</td><td>${e.bytes ?? 0} B</td><td>${e.durationMs} ms</td></tr>`,
    )
    .join("");
  return `<table><tr><th>#</th><th>role</th><th>method</th><th>layer</th><th>status</th><th>size</th><th>time</th></tr>${rows}</table>`;
}
