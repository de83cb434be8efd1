// The attachments the harness writes, read back defensively: an attachment that does not parse
// (a truncated message, a foreign attachment under our media type) is ignored, never trusted.
import type {
  CompactEntry,
  FailureAttachment,
  FaultAttachment,
  TranscriptAttachment,
  TranscriptEntry,
} from "./attachments.ts";
import { sanitizeEntry } from "./sanitize.ts";

function parsed(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

export function readTranscript(body: string): {
  entries: TranscriptEntry[];
  compact: CompactEntry[];
  exchanges: number;
} {
  const value = parsed(body) as Partial<TranscriptAttachment> | undefined;
  const entries = Array.isArray(value?.entries) ? value.entries.map(sanitizeEntry) : [];
  const compact = Array.isArray(value?.compact) ? value.compact : [];
  const exchanges = typeof value?.exchanges === "number" ? value.exchanges : entries.length;
  return { entries, compact, exchanges };
}

export function readFailure(body: string): FailureAttachment | undefined {
  const v = parsed(body);
  if (!v || !isString(v.requirement) || !isString(v.subject) || !isString(v.expected) || !isString(v.actual))
    return undefined;
  return {
    requirement: v.requirement,
    subject: v.subject,
    expected: v.expected,
    actual: v.actual,
    ...(isString(v.pointer) ? { pointer: v.pointer } : {}),
  };
}

export function readFault(body: string): FaultAttachment | undefined {
  const v = parsed(body);
  return v && isString(v.code) && isString(v.message) ? { code: v.code, message: v.message } : undefined;
}
