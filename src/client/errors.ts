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
  | "TARGET_INCOMPLETE"
  // MTProto (docs/mtproto.md, "The harness's client"): each check the strict client makes.
  /** A frame of the transport that cannot be read: a bad length, a bad CRC, a truncated frame. */
  | "TARGET_MTPROTO_TRANSPORT_ERROR"
  /** The answer's nonce or server_nonce is not the one sent, or a new_nonce_hash does not match. */
  | "TARGET_MTPROTO_BAD_NONCE"
  /** resPQ offers no fingerprint of the target's key, or the server used another. */
  | "TARGET_MTPROTO_BAD_FINGERPRINT"
  /** dh_prime, g or g_a fail the security guidelines' checks, or the DH answer's hash. */
  | "TARGET_MTPROTO_BAD_DH_PARAMS"
  /** The server refused the key exchange (server_DH_params_fail, dh_gen_fail, retries spent). */
  | "TARGET_MTPROTO_DH_FAILED"
  /** A message under another auth_key_id, or a plaintext message where an encrypted one must be. */
  | "TARGET_MTPROTO_BAD_AUTH_KEY_ID"
  | "TARGET_MTPROTO_BAD_MSG_KEY"
  | "TARGET_MTPROTO_BAD_SESSION_ID"
  /** A server msg_id that is even, ≡ 0/2 mod 4, repeated, or outside the time window. */
  | "TARGET_MTPROTO_BAD_MSG_ID"
  /** Lengths that do not add up: message_data_length, padding out of 12..1024, a short envelope. */
  | "TARGET_MTPROTO_BAD_LENGTH"
  /** A message body, container or gzip_packed that the codec cannot read. */
  | "TARGET_MTPROTO_BAD_MESSAGE"
  /** bad_msg_notification for a request, or bad_server_salt again after the resend. */
  | "TARGET_MTPROTO_BAD_MSG_NOTIFICATION";

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
  TARGET_MTPROTO_TRANSPORT_ERROR: "the MTProto transport frame cannot be read",
  TARGET_MTPROTO_BAD_NONCE: "the key exchange answer does not echo the nonces",
  TARGET_MTPROTO_BAD_FINGERPRINT: "the server does not offer the fingerprint of the target's RSA key",
  TARGET_MTPROTO_BAD_DH_PARAMS: "the Diffie-Hellman parameters fail the security checks",
  TARGET_MTPROTO_DH_FAILED: "the server refused the key exchange",
  TARGET_MTPROTO_BAD_AUTH_KEY_ID: "a message came under another auth_key_id",
  TARGET_MTPROTO_BAD_MSG_KEY: "a message's msg_key does not match its plaintext",
  TARGET_MTPROTO_BAD_SESSION_ID: "a message came for another session",
  TARGET_MTPROTO_BAD_MSG_ID: "a server msg_id breaks the msg_id rules",
  TARGET_MTPROTO_BAD_LENGTH: "an encrypted message's lengths do not add up",
  TARGET_MTPROTO_BAD_MESSAGE: "a message body cannot be read",
  TARGET_MTPROTO_BAD_MSG_NOTIFICATION: "the server rejected a request's envelope",
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
export type HarnessErrorCode = "HARNESS_ABORTED" | "HARNESS_STEP_STALLED" | "HARNESS_SETUP_MISMATCH";

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
