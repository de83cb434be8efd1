// TL-JSON as the steps read it.
export type TlObject = { _: string; [field: string]: unknown };

const USER_CONSTRUCTORS = new Set([
  "userSelf",
  "userContact",
  "userRequest",
  "userForeign",
  "userDeleted",
  "userEmpty",
]);
const MAX_NODES = 200_000;

export function isTlObject(value: unknown): value is TlObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as TlObject)._ === "string"
  );
}

/** Every User object anywhere in a value, in document order. */
export function usersIn(value: unknown): TlObject[] {
  const found: TlObject[] = [];
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const item = queue[i];
    if (typeof item !== "object" || item === null) continue;
    if (isTlObject(item) && USER_CONSTRUCTORS.has(item._) && typeof item.id === "number") found.push(item);
    queue.push(...Object.values(item));
  }
  return found;
}

/** The User with this id in a users vector, with its index (for the JSON pointer). */
export function userById(users: unknown, id: number): { user: TlObject; index: number } | undefined {
  if (!Array.isArray(users)) return undefined;
  const index = users.findIndex((u) => isTlObject(u) && u.id === id);
  return index === -1 ? undefined : { user: users[index] as TlObject, index };
}

/** A short description of a User for failure messages. */
export function describeUser(user: TlObject | undefined): string {
  if (!user) return "no User object";
  const phone = typeof user.phone === "string" ? ` with phone ${user.phone}` : " without a phone";
  return `${user._}${phone}`;
}
