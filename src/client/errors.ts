// Every way a target can fail the transport or the binding, as a stable code users match on.
// The message starts with the code, so a failed step reads `TARGET_TIMEOUT: ...`; the report
// tells a target fault from a failed requirement by the error's class (TargetError), never by
// the message.
export type TargetErrorCode =
  | "TARGET_UNREACHABLE"
  | "TARGET_TIMEOUT"
  | "TARGET_RESET"
  | "TARGET_TLS"
  | "TARGET_HEADERS_TOO_LARGE"
  | "TARGET_BODY_TOO_LARGE"
  | "TARGET_NOT_JSON"
  | "TARGET_BAD_STATUS"
  | "TARGET_RPC_ERROR"
  | "TARGET_INCOMPLETE";

const DEFAULT_MESSAGES: Record<TargetErrorCode, string> = {
  TARGET_UNREACHABLE: "the target refused or could not be reached",
  TARGET_TIMEOUT: "the target did not answer in time",
  TARGET_RESET: "the target closed the connection before a whole answer",
  TARGET_TLS: "the TLS handshake with the target failed",
  TARGET_HEADERS_TOO_LARGE: "the answer's headers are larger than the client reads",
  TARGET_BODY_TOO_LARGE: "the answer is larger than the size cap",
  TARGET_NOT_JSON: "the answer is not a TL-JSON object",
  TARGET_BAD_STATUS: "the HTTP status does not match the binding",
  TARGET_RPC_ERROR: "the target refused a call the scenario needs with an rpc_error",
  TARGET_INCOMPLETE: "the target's answer lacks what the scenario needs to go on",
};

export class TargetError extends Error {
  override name = "TargetError";

  constructor(
    readonly code: TargetErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail ?? DEFAULT_MESSAGES[code]}`, options);
  }
}

/**
 * The harness's own fault or decision, not the target's: a request abandoned because its
 * scenario ended, or a step that stopped making progress.
 */
export type HarnessErrorCode = "HARNESS_ABORTED" | "HARNESS_STEP_STALLED";

export class HarnessError extends Error {
  override name = "HarnessError";

  constructor(
    readonly code: HarnessErrorCode,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }
}

/** Options are checked one by one at the boundary; this is what a bad one throws. */
export class InvalidOptionError extends TypeError {
  override name = "InvalidOptionError";
  readonly code = "INVALID_OPTION";
}
