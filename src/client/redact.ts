// Secrets never reach a transcript that leaves the process: the bearer key is cut from headers
// as each exchange is recorded, and sign-in codes and their hashes are scrubbed from the
// serialized transcript in one pass (bodies are kept as text, so this is a text operation).
export const REDACTED = "<redacted>";

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] =
      k.toLowerCase() === "authorization" ? v.replace(/^(Bearer\s+)(\S{4})\S*/i, `$1$2…${REDACTED}`) : v;
  }
  return out;
}

// A secret field inside JSON text, also when that text is itself a JSON string (escaped quotes).
// Bearer keys travel only in the Authorization header, which redactHeaders already cut.
const SECRET_FIELD = /(\\?"phone_code(?:_hash)?\\?"\s*:\s*\\?")[^"\\]*/g;

/** Removes sign-in codes and their hashes from serialized JSON text. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_FIELD, `$1${REDACTED}`);
}
