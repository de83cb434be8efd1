// A curl line that sends an exchange again, on the TL-JSON wire. Keys and extra header values are
// redacted in every report, so the line names shell variables for them; the body is the one
// sent, with sign-in codes redacted.
import type { TranscriptEntry } from "./attachments.ts";

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const variable = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, "_");

/** The curl line for an exchange, or undefined for a wire curl cannot speak. */
export function reproduceCommand(entry: TranscriptEntry): string | undefined {
  if ((entry.wire ?? "http-json") !== "http-json") return undefined;
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
