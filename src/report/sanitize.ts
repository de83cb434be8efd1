// The report's own line of defence: whatever the transcript holds, a report never carries a
// bearer key, a sign-in code, or a body large enough to bloat an archive.
import { capText, scrubSecrets } from "../client/index.ts";
import type { TranscriptEntry } from "./attachments.ts";

const KEY = /\b[0-9a-fA-F]{64}\b/g;
const REPORT_BODY_CAP = 64 * 1024;

export function scrubText(text: string): string {
  return scrubSecrets(text).replace(KEY, "<redacted key>");
}

/** A JSON value as it may appear in a report: scrubbed, and as capped text when too large. */
function scrubValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  let serialized: string;
  try {
    serialized = JSON.stringify(value) ?? "null";
  } catch {
    // Deeper than the stack allows: a hostile body. The report keeps a note instead.
    return { truncatedJson: "<a value too deeply nested to serialize>" };
  }
  const text = scrubText(serialized);
  if (text.length > REPORT_BODY_CAP) return { truncatedJson: capText(text) };
  return JSON.parse(text) as unknown;
}

export function sanitizeEntry(entry: TranscriptEntry): TranscriptEntry {
  const headers = (h: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(h).map(([k, v]) => [
        k,
        k.toLowerCase() === "authorization" ? "Bearer <redacted>" : scrubText(v),
      ]),
    );
  // seq first, whatever order the client recorded the entry's fields in.
  const { seq, ...fields } = entry;
  return {
    seq,
    ...fields,
    request: {
      url: entry.request.url,
      headers: headers(entry.request.headers),
      body: scrubValue(entry.request.body),
    },
    ...(entry.response
      ? {
          response: {
            status: entry.response.status,
            headers: headers(entry.response.headers),
            ...(entry.response.body !== undefined ? { body: scrubValue(entry.response.body) } : {}),
            ...(entry.response.bodyText !== undefined
              ? { bodyText: capText(scrubText(entry.response.bodyText)) }
              : {}),
            ...(entry.response.truncated ? { truncated: true } : {}),
          },
        }
      : {}),
    ...(entry.error
      ? { error: { code: entry.error.code, message: capText(scrubText(entry.error.message)) } }
      : {}),
  };
}
