// The scenario's values in a request or an expected value written in a feature, so a feature can
// say "B's id" without knowing it: {B.id}, {B.phone}, {B.first_name}, {B.last_name},
// {B.access_hash} (the caller's own access_hash for B), {B.wrong_access_hash} (a hash the caller
// was never given), {chat.id} (the latest chat made in the scenario), {random_long}. Filled in as
// text, so a request meant to be malformed stays as written around them.
import { otherHash } from "./addressing.ts";
import { ScenarioError } from "./failure.ts";
import { randomLong } from "./operations.ts";
import type { ConformanceSession } from "./session.ts";

/** Anything that looks like a placeholder: JSON itself never has `{name}` with no quotes. */
const PLACEHOLDER = /\{([A-Za-z_]+)(?:\.([A-Za-z_]+))?\}/g;

export const USER_FIELDS = [
  "id",
  "phone",
  "first_name",
  "last_name",
  "access_hash",
  "wrong_access_hash",
] as const;
export const PLACEHOLDERS = [...USER_FIELDS.map((f) => `{A.${f}}`), "{chat.id}", "{random_long}"];

/** Why a placeholder cannot be filled in any scenario, or undefined when it is well formed. */
export function placeholderProblem(
  whole: string,
  name: string,
  field: string | undefined,
): string | undefined {
  if (name === "random_long" && field === undefined) return undefined;
  if (name === "chat" && field === "id") return undefined;
  if (/^[A-E]$/.test(name) && (USER_FIELDS as readonly string[]).includes(field ?? "")) return undefined;
  return `unknown placeholder ${whole}; known: ${PLACEHOLDERS.join(", ")} (any user A to E)`;
}

/** Every placeholder of a text, with its offset (check-features reads them without a scenario). */
export function placeholdersIn(
  text: string,
): { whole: string; index: number; problem: string | undefined }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    whole: m[0],
    index: m.index ?? 0,
    problem: placeholderProblem(m[0], m[1] ?? "", m[2]),
  }));
}

async function userField(
  session: ConformanceSession,
  caller: string | undefined,
  role: string,
  field: string,
): Promise<string> {
  const other = await session.actor(role);
  if (field === "id") return String(other.id);
  if (field === "phone") return other.phone;
  if (field === "first_name") return other.firstName;
  if (field === "last_name") return other.lastName;
  const view = caller === undefined ? undefined : (await session.actor(caller)).views.get(other.id);
  const hash = typeof view?.access_hash === "string" ? view.access_hash : undefined;
  if (hash === undefined)
    throw new ScenarioError(`${caller ?? "a client with no user"} has no access_hash for ${role}`);
  return field === "access_hash" ? hash : otherHash(hash);
}

/** The text with every placeholder filled in for the caller; an unknown one is a scenario error. */
export async function fillPlaceholders(
  session: ConformanceSession,
  caller: string | undefined,
  text: string,
): Promise<string> {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [whole, name = "", field] = match;
    const problem = placeholderProblem(whole, name, field);
    if (problem) throw new ScenarioError(problem);
    out += text.slice(last, match.index);
    last = (match.index ?? 0) + whole.length;
    if (name === "random_long") out += randomLong();
    else if (name === "chat") out += String(session.chatOf().id);
    else out += await userField(session, caller, name, field ?? "");
  }
  return out + text.slice(last);
}
