// The line that sends an exchange again. On the TL-JSON wire a curl line: keys and extra header
// values are redacted in every report, so the line names shell variables for them; the body is
// the one sent, with sign-in codes redacted. On MTProto, `tl-conformance replay` of the exchange
// from report.json (src/cli/replay_command.ts): curl cannot make an auth key.
import type { TranscriptEntry } from "./attachments.ts";

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const variable = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

/** The reproduce line for an exchange of the scenario at `scenario` (`features/x.feature:LINE`). */
export function reproduceCommand(entry: TranscriptEntry, scenario?: string): string | undefined {
  if (entry.wire === "mtproto") {
    const where = scenario ? ` --scenario ${quoted(scenario)}` : "";
    return `tl-conformance replay reports/report.json${where} --exchange ${entry.seq} --target ${quoted(entry.request.url)} --rsa-key SERVER.pub.pem`;
  }
  const headers = Object.entries(entry.request.headers).map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === "authorization") return `-H "authorization: Bearer $TL_KEY_${variable(entry.role)}"`;
    if (value.includes("<redacted>")) return `-H "${name}: $HEADER_${variable(name)}"`;
    return `-H ${quoted(`${name}: ${value}`)}`;
  });
  const body =
    typeof entry.request.body === "string" ? entry.request.body : JSON.stringify(entry.request.body);
  return ["curl -sS -X POST", quoted(entry.request.url), ...headers, "--data-raw", quoted(body ?? "")].join(
    " ",
  );
}
