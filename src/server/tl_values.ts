// TL-JSON value shapes the server builds. Responses are plain objects; `_` names the constructor.
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
