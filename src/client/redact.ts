// Secrets never reach a transcript that leaves the process: the bearer key is cut from headers
// as each exchange is recorded, extra headers (a gateway's key) are recorded as <redacted>,
// credentials in a URL never leave it, and sign-in codes and their hashes are scrubbed from the
// serialized transcript in one pass (bodies are kept as text, so this is a text operation).
export const REDACTED = "<redacted>";

/** `secret` names headers whose whole value is hidden (the extra headers). */
export function redactHeaders(
  headers: Record<string, string>,
  secret: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (name === "authorization") out[k] = v.replace(/^(Bearer\s+)(\S{4})\S*/i, `$1$2…${REDACTED}`);
    else out[k] = secret.has(name) ? REDACTED : v;
  }
  return out;
}

// user:password@ in an absolute URL, wherever it appears in a text.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@"'<>]*@/gi;

/** Any URL in the text with its user:password part replaced. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

/** The URL as the client sends it: credentials in a URL are never sent (the key travels in a header). */
export function withoutCredentials(target: string): string {
  const url = new URL(target);
  if (!url.username && !url.password) return target;
  url.username = "";
  url.password = "";
  return url.toString();
}

// A secret field inside JSON text, also when that text is itself a JSON string (escaped quotes).
// Bearer keys travel only in the Authorization header, which redactHeaders already cut.
const SECRET_FIELD = /(\\?"phone_code(?:_hash)?\\?"\s*:\s*\\?")[^"\\]*/g;

/** Removes sign-in codes and their hashes from serialized JSON text. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_FIELD, `$1${REDACTED}`);
}
