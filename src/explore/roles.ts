// Generated commands name their users by raw numbers, read against the run's users only when the
// command is checked: the same history fits runs of 3, 4 or 5 users, and every raw number names
// someone. 60 is a multiple of every pool size from 1 to 5, so each user is drawn equally often.
export const ROLE_CHOICES = 60;

/** Names of a run's users: the suite's roles, from A. */
export const ROLE_NAMES = ["A", "B", "C", "D", "E"] as const;

/** Distinct users for the raw numbers, each drawn from those not yet taken; undefined if too few. */
export function distinctRoles(users: readonly string[], raws: readonly number[]): string[] | undefined {
  if (raws.length > users.length) return undefined;
  const pool = [...users];
  return raws.map((raw) => pool.splice(raw % pool.length, 1)[0] as string);
}

/** Any one of the users. */
export function anyRole(users: readonly string[], raw: number): string {
  return users[raw % users.length] as string;
}
