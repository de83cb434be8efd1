// TL-JSON value shapes the server builds. Responses are plain objects; `_` names the constructor.
// The harness has its own twin of these helpers (support/tl_json.ts) on purpose: the server and
// the harness share src/tl and nothing else.
export type TlObject = { _: string; [field: string]: unknown };

export function now(): number {
  return Math.floor(Date.now() / 1000);
}

export function isTlObject(value: unknown): value is TlObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as TlObject)._ === "string"
  );
}
