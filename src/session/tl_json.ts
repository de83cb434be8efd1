// TL-JSON as the checks read it.
export type TlObject = { _: string; [field: string]: unknown };

export const USER_CONSTRUCTORS: ReadonlySet<string> = new Set([
  "userSelf",
  "userContact",
  "userRequest",
  "userForeign",
  "userDeleted",
  "userEmpty",
]);
const MAX_NODES = 500_000;

export function isTlObject(value: unknown): value is TlObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as TlObject)._ === "string"
  );
}

/** The TL objects of an array field, ignoring anything else a hostile answer put there. */
export function objectsOf(value: unknown): TlObject[] {
  return Array.isArray(value) ? value.filter(isTlObject) : [];
}

export function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

const NEEDS_ESCAPE = /[~/]/;

/**
 * Every User object anywhere in a value, each with its JSON pointer, in breadth-first order. It
 * walks every answer the harness gets, so arrays are walked by index and keys escaped only when
 * they hold `~` or `/` (measured: a twentieth of a suite run's harness time went to this walk).
 */
export function usersIn(value: unknown): { user: TlObject; pointer: string }[] {
  const found: { user: TlObject; pointer: string }[] = [];
  const queue: [object, string][] = typeof value === "object" && value !== null ? [[value, ""]] : [];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const [item, pointer] = queue[i] as [object, string];
    if (Array.isArray(item)) {
      for (let k = 0; k < item.length; k++) {
        const inner: unknown = item[k];
        if (typeof inner === "object" && inner !== null) queue.push([inner, `${pointer}/${k}`]);
      }
      continue;
    }
    if (isTlObject(item) && USER_CONSTRUCTORS.has(item._) && typeof item.id === "number")
      found.push({ user: item, pointer });
    for (const key of Object.keys(item)) {
      const inner: unknown = (item as Record<string, unknown>)[key];
      if (typeof inner === "object" && inner !== null)
        queue.push([inner, `${pointer}/${NEEDS_ESCAPE.test(key) ? escapePointer(key) : key}`]);
    }
  }
  return found;
}

/** A short description of a User for failure messages. */
export function describeUser(user: TlObject | undefined): string {
  if (!user) return "no User object";
  const phone = typeof user.phone === "string" ? ` with phone ${user.phone}` : " without a phone";
  return `${user._}${phone}`;
}
