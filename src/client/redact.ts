// Secrets never reach a transcript: the bearer key, sign-in codes and their hashes. The walk is
// iterative and bounded so a hostile, deeply nested answer cannot overflow the stack.
const SECRET_FIELDS = new Set(["phone_code", "phone_code_hash"]);
const MAX_NODES = 200_000;

export const REDACTED = "<redacted>";

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] =
      k.toLowerCase() === "authorization" ? v.replace(/^(Bearer\s+)(\S{4})\S*/i, `$1$2…${REDACTED}`) : v;
  }
  return out;
}

/** A deep copy of a JSON value with secret fields replaced. */
export function redactBody(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: [source: unknown, target: Record<string, unknown> | unknown[]][] = [[value, root as never]];
  let nodes = 0;
  while (stack.length > 0) {
    const [source, target] = stack.pop() as [Record<string, unknown>, Record<string, unknown>];
    if (++nodes > MAX_NODES) return "<body too large to redact: omitted>";
    for (const [key, inner] of Object.entries(source)) {
      if (SECRET_FIELDS.has(key) && !Array.isArray(source)) {
        target[key] = REDACTED;
      } else if (typeof inner === "object" && inner !== null) {
        const copy = Array.isArray(inner) ? [] : {};
        target[key] = copy;
        stack.push([inner, copy]);
      } else {
        target[key] = inner;
      }
    }
  }
  return root;
}
