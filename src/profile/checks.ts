// Checks a schema cannot express, shared by the profile, the flags and the environment: each
// returns why a value cannot be used, or undefined.
import { REQUIREMENTS } from "../requirements/index.ts";

/** Headers the binding itself sets: a profile or flag may not replace them. */
const RESERVED_HEADERS = new Set(["authorization", "content-type", "content-length", "host", "connection"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const KNOWN_REQUIREMENTS = new Set<string>(REQUIREMENTS.map((r) => r.id));

/** tcp://HOST:PORT: an MTProto target. */
export const TCP_TARGET = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})\/?$/;

export function targetProblem(text: string): string | undefined {
  if (text.startsWith("tcp:")) {
    const port = Number(TCP_TARGET.exec(text)?.[2]);
    return port >= 1 && port <= 65535 ? undefined : "must be tcp://HOST:PORT";
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an http(s) URL or tcp://HOST:PORT";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return "must be an http(s) URL or tcp://HOST:PORT";
  if (url.search || url.hash) return "must be a base URL without a query or fragment";
  return undefined;
}

export function headerProblem(name: string, value: string): string | undefined {
  if (!HEADER_NAME.test(name)) return `"${name}" is not a header name`;
  if (RESERVED_HEADERS.has(name.toLowerCase()))
    return `"${name}" is set by the binding and cannot be replaced`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a header value may hold none of these; finding them is the point.
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(value))
    return `the value of "${name}" holds a control character`;
  return undefined;
}

export function requirementProblem(id: string): string | undefined {
  return KNOWN_REQUIREMENTS.has(id)
    ? undefined
    : `unknown requirement "${id}" (docs/semantics.md lists them)`;
}
