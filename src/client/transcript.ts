// A scenario's record of every exchange with the target, in the shape src/report reads.
import type { TranscriptAttachment, TranscriptEntry } from "../report/attachments.ts";
import { scrubSecrets } from "./redact.ts";

/** Bodies kept in a transcript are capped: a 10 MB hostile answer must not become a 10 MB report. */
export const TRANSCRIPT_TEXT_CAP = 64 * 1024;

export function capText(text: string): string {
  if (text.length <= TRANSCRIPT_TEXT_CAP) return text;
  return `${text.slice(0, TRANSCRIPT_TEXT_CAP)}… [${text.length - TRANSCRIPT_TEXT_CAP} more characters cut]`;
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];

  add(entry: Omit<TranscriptEntry, "seq">): TranscriptEntry {
    const full = { seq: this.entries.length + 1, ...entry };
    this.entries.push(full);
    return full;
  }

  attachment(scenario: string): TranscriptAttachment {
    return { scenario, entries: this.entries };
  }

  /** The attachment as JSON text, secrets scrubbed: what leaves the process. */
  serialize(scenario: string): string {
    return scrubSecrets(JSON.stringify(this.attachment(scenario)));
  }
}
