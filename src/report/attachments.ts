// What the steps attach to cucumber's message stream and the report reads back. This is the one
// agreement between the harness side that records (src/client, support/) and src/report.

/** Media type of a scenario's transcript attachment (one per scenario, JSON body). */
export const TRANSCRIPT_MEDIA_TYPE = "application/vnd.tl-conformance.transcript+json";

/** One HTTP exchange with the target, as recorded by the client. Secrets are already redacted. */
export interface TranscriptEntry {
  /** Position in the scenario, from 1. */
  seq: number;
  /** The role that made the call ("A", "B", "C", or "anonymous"). */
  role: string;
  /** The inner TL method (`messages.sendMessage`), also when wrapped in invokeWithLayerN. */
  method: string;
  layer: 1 | 2 | 3;
  startedAt: string;
  durationMs: number;
  request: { url: string; headers: Record<string, string>; body: unknown };
  /** Absent when no response arrived (timeout, reset); then `error` says why. */
  response?: {
    status: number;
    headers: Record<string, string>;
    /** Parsed JSON when the body was JSON, else undefined and `bodyText` holds its (capped) text. */
    body?: unknown;
    bodyText?: string;
    /** True when the body was cut at the size cap. */
    truncated?: boolean;
  };
  /** Error code and message of a transport or protocol failure (`TARGET_TIMEOUT: ...`). */
  error?: { code: string; message: string };
}

export interface TranscriptAttachment {
  scenario: string;
  /** Every exchange for a scenario that did not pass; empty for one that passed. */
  entries: TranscriptEntry[];
  /** How many exchanges the scenario made (also when `entries` was left out). */
  exchanges?: number;
}

/** Media type of a failed check's structured detail (one per failed scenario, JSON body). */
export const FAILURE_MEDIA_TYPE = "application/vnd.tl-conformance.failure+json";

/**
 * What a failed requirement check attaches: the report reads these fields, never the message
 * text. `pointer` is a JSON pointer into the answer named by `subject` (absent when the check
 * was not about one place in one answer).
 */
export interface FailureAttachment {
  requirement: string;
  subject: string;
  expected: string;
  actual: string;
  pointer?: string;
}

/**
 * How a step's error is classified, by cucumber's `exception.type` (the error's class name):
 * a requirement failed; the target broke the transport or the binding (its message starts with a
 * TARGET_* code); or the harness or the scenario itself is at fault (SCENARIO_*, HARNESS_*).
 */
export const ERROR_TYPES = {
  requirement: "RequirementFailure",
  target: "TargetError",
  scenario: "ScenarioError",
  harness: "HarnessError",
} as const;

/**
 * A failed check's message starts with the requirement id and a colon, then lines for
 * Requirement, Expected, Actual (and Pointer where one applies). The report attributes a failure
 * to a requirement by this prefix; a message that starts with anything else (a harness error
 * code such as TARGET_TIMEOUT) counts as an error of the scenario, not as a requirement failure.
 */
export const FAILURE_PREFIX = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*): /;
