// A scenario's record of every exchange with the target, in the shape src/report reads.
import type { CompactEntry, TranscriptAttachment, TranscriptEntry } from "../report/attachments.ts";
import { scrubSecrets } from "./redact.ts";

/** Bodies kept in a transcript are capped: a 10 MB hostile answer must not become a 10 MB report. */
export const TRANSCRIPT_TEXT_CAP = 64 * 1024;

export function capText(text: string): string {
  if (text.length <= TRANSCRIPT_TEXT_CAP) return text;
  return `${text.slice(0, TRANSCRIPT_TEXT_CAP)}… [${text.length - TRANSCRIPT_TEXT_CAP} more characters cut]`;
}

const SECRET_MARK = "phone_code";

/**
 * The entry with sign-in codes and their hashes removed from its texts. Only sign-in exchanges
 * carry them, so a native substring search keeps the regular expression, and the copies, off
 * every other call.
 */
function scrubbed(entry: TranscriptEntry): TranscriptEntry {
  const requestBody = entry.request.body;
  const responseText = entry.response?.bodyText;
  const inRequest = typeof requestBody === "string" && requestBody.includes(SECRET_MARK);
  const inResponse = responseText?.includes(SECRET_MARK) === true;
  if (!inRequest && !inResponse) return entry;
  const request = inRequest ? { ...entry.request, body: scrubSecrets(requestBody) } : entry.request;
  const response =
    inResponse && entry.response && responseText !== undefined
      ? { ...entry.response, bodyText: scrubSecrets(responseText) }
      : entry.response;
  return { ...entry, request, ...(response ? { response } : {}) };
}

function compactEntry(e: TranscriptEntry): CompactEntry {
  return {
    seq: e.seq,
    role: e.role,
    method: e.method,
    layer: e.layer,
    durationMs: Math.round(e.durationMs * 10) / 10,
    ...(e.response ? { status: e.response.status, bytes: e.response.bodyText?.length ?? 0 } : {}),
    ...(e.error ? { error: e.error.code } : {}),
  };
}

const RAW_BODY = "\u0000raw-json-body\u0000";

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  /**
   * Per entry, its response text when already known to be JSON: serialized as a value, not
   * escaped into a string. A plain array beside `entries`, not a WeakMap keyed by entry: a
   * WeakMap entry per call costs measurably in garbage collection (bench/client.ts).
   */
  private readonly jsonTexts: (string | undefined)[] = [];

  /** `jsonBody`: the response text, when it parsed as JSON and is within the cap. */
  add(entry: Omit<TranscriptEntry, "seq">, jsonBody?: string): TranscriptEntry {
    // The entry is the caller's fresh object: numbered in place rather than copied per call.
    const numbered = entry as TranscriptEntry;
    numbered.seq = this.entries.length + 1;
    const full = scrubbed(numbered);
    this.entries.push(full);
    const isJson = jsonBody !== undefined && jsonBody.length <= TRANSCRIPT_TEXT_CAP;
    this.jsonTexts.push(isJson ? (full.response?.bodyText ?? jsonBody) : undefined);
    return full;
  }

  /**
   * Appends another transcript's exchanges, numbered on: the sign-up of an account made ahead
   * belongs to the scenario that takes the account.
   */
  adopt(other: Transcript): void {
    other.entries.forEach((entry, i) => {
      const { seq: _seq, ...rest } = entry;
      this.add(rest, other.jsonTexts[i]);
    });
  }

  private entryJson(entry: TranscriptEntry, index: number): string {
    const raw = this.jsonTexts[index];
    if (raw === undefined || !entry.response) return JSON.stringify(entry);
    // Splicing the text in as it came saves escaping every body into a JSON string again.
    const { bodyText: _text, ...response } = entry.response;
    const text = JSON.stringify({ ...entry, response: { ...response, body: RAW_BODY } });
    return text.replace(JSON.stringify(RAW_BODY), () => raw);
  }

  attachment(scenario: string): TranscriptAttachment {
    return { scenario, entries: this.entries };
  }

  /** The attachment as JSON text (entries were scrubbed when added): what leaves the process. */
  serialize(scenario: string): string {
    const entries = this.entries.map((e, i) => this.entryJson(e, i)).join(",");
    return `{"scenario":${JSON.stringify(scenario)},"exchanges":${this.entries.length},"entries":[${entries}]}`;
  }

  /**
   * What a passing scenario attaches: method, layer, status and size per exchange, no bodies,
   * so a PASS can still be audited without a report the size of every answer.
   */
  summary(scenario: string): string {
    const compact = this.entries.map(compactEntry);
    return JSON.stringify({ scenario, exchanges: this.entries.length, entries: [], compact });
  }
}
