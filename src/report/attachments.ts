// What the steps attach to cucumber's message stream and the report reads back. This is the one
// agreement between the harness side that records (src/client, support/) and src/report.

/** Media type of a scenario's transcript attachment (one per scenario, JSON body). */
export const TRANSCRIPT_MEDIA_TYPE = "application/vnd.tl-conformance.transcript+json";

/**
 * One HTTP exchange with the target, as recorded by the client. Secrets are already redacted.
 * `wire` absent means TL-JSON over HTTP (the only wire today); a second wire adds its own value
 * and payload, and the report gives a curl line only to http-json entries.
 */
export interface TranscriptEntry {
  /** Position in the scenario, from 1. */
  seq: number;
  wire?: "http-json" | "mtproto";
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
  /** On the MTProto wire (where `response.status` is 0): the envelope of the call. */
  mtproto?: {
    msgId: string;
    seqNo: number;
    /** Bytes of the request's frame(s), and of the frames received while it was in flight. */
    sentBytes: number;
    receivedBytes: number;
    /** Service messages and pushed updates that arrived while it was in flight. */
    service: string[];
    /** Sent again with a new salt after bad_server_salt. */
    resent: boolean;
  };
}

/** One exchange of a passing scenario, without bodies: enough to audit a PASS. */
export interface CompactEntry {
  seq: number;
  role: string;
  method: string;
  layer: 1 | 2 | 3;
  durationMs: number;
  /** Absent when no response arrived. */
  status?: number;
  /** Size of the response body in characters. */
  bytes?: number;
  /** The error code when the exchange failed. */
  error?: string;
}

export interface TranscriptAttachment {
  scenario: string;
  /** Every exchange, whole, for a scenario that did not pass (or with --transcripts all). */
  entries: TranscriptEntry[];
  /** How many exchanges the scenario made (also when `entries` was left out). */
  exchanges?: number;
  /** The compact transcript of a passing scenario, when `entries` was left out. */
  compact?: CompactEntry[];
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

/** Media type of a target fault's or harness error's code (one per such scenario, JSON body). */
export const FAULT_MEDIA_TYPE = "application/vnd.tl-conformance.fault+json";

/** What the After hook attaches for an error that carries a stable code (TargetError, HarnessError). */
export interface FaultAttachment {
  code: string;
  message: string;
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
