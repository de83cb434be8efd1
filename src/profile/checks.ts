// Checks a schema cannot express, shared by the profile, the flags and the environment: each
// returns why a value cannot be used, or undefined.
import { REQUIREMENTS } from "../requirements/index.ts";

/** Headers the binding itself sets: a profile or flag may not replace them. */
const RESERVED_HEADERS = new Set(["authorization", "content-type", "content-length", "host", "connection"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const KNOWN_REQUIREMENTS = new Set<string>(REQUIREMENTS.map((r) => r.id));

export function targetProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `must be an http(s) URL, got "${text}"`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `must be an http(s) URL, got "${text}"`;
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
