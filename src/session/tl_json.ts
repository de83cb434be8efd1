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

/** Every User object anywhere in a value, each with its JSON pointer, in document order. */
export function usersIn(value: unknown): { user: TlObject; pointer: string }[] {
  const found: { user: TlObject; pointer: string }[] = [];
  const queue: [unknown, string][] = [[value, ""]];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const [item, pointer] = queue[i] as [unknown, string];
    if (typeof item !== "object" || item === null) continue;
    if (isTlObject(item) && USER_CONSTRUCTORS.has(item._) && typeof item.id === "number")
      found.push({ user: item, pointer });
    for (const [key, inner] of Object.entries(item)) {
      if (typeof inner === "object" && inner !== null)
        queue.push([inner, `${pointer}/${escapePointer(key)}`]);
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
