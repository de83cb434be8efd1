// The last pass over a finished report: the run's secret values (extra header values) and the
// credentials of any URL are replaced wherever they appear, including in text the target echoed.
import { REDACTED, redactUrlCredentials } from "../client/index.ts";
import type { ConformanceReport } from "./model.ts";

/** Values shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 4;

export function redactReport(report: ConformanceReport, secrets: readonly string[]): ConformanceReport {
  let text = redactUrlCredentials(JSON.stringify(report));
  for (const secret of secrets.filter((s) => s.length >= MIN_SECRET_LENGTH)) {
    // As it appears inside a JSON string (quotes and backslashes escaped).
    text = text.replaceAll(JSON.stringify(secret).slice(1, -1), REDACTED);
  }
  return JSON.parse(text) as ConformanceReport;
}
