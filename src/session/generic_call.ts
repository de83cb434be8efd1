// A generic call, so that a new requirement needs no code: any method at any layer with the
// fields written in the feature (the scenario's values filled in). It goes through
// ConformanceSession.attempt, so its answer gets every automatic check; a later Then step judges
// the answer (answer_checks.ts), which is kept here per session.
import type { CallOutcome } from "../bindings/index.ts";
import type { Layer } from "../tl/index.ts";
import { ScenarioError } from "./failure.ts";
import { phoneDigits } from "./phone_scan.ts";
import { fillPlaceholders } from "./placeholders.ts";
import type { ConformanceSession } from "./session.ts";
import { isTlObject, objectsOf, type TlObject } from "./tl_json.ts";

/** One answer a later Then step judges: who asked, for what, at which layer. */
export interface Answer {
  caller: string | undefined;
  method: string;
  layer: Layer;
  outcome: CallOutcome;
}

const answers = new WeakMap<ConformanceSession, Answer>();

export function rememberAnswer(session: ConformanceSession, answer: Answer): void {
  answers.set(session, answer);
}

export function lastAnswer(session: ConformanceSession): Answer {
  const answer = answers.get(session);
  if (!answer) throw new ScenarioError("no call was made whose answer a step could check");
  return answer;
}

const SENDS = /^messages\.(send|forward)/;

/** The scenario users an InputPeer or InputUser names by id (inputPeerSelf and chats name none). */
function named(session: ConformanceSession, inputs: unknown[]): string[] {
  return inputs.flatMap((input) =>
    isTlObject(input) && typeof input.user_id === "number" ? (session.nameOf(input.user_id) ?? []) : [],
  );
}

/**
 * How the call would change the link table if the target accepted it, or undefined. A generic
 * call tells the link model nothing, so such a call belongs to the domain steps, which do.
 */
function linkChangeOf(session: ConformanceSession, caller: string, call: TlObject): string | undefined {
  if (call._ === "contacts.importContacts") {
    const phones = new Set(objectsOf(call.contacts).map((c) => phoneDigits(c.phone)));
    const owner = session.names().find((n) => n !== caller && phones.has(session.phoneOf(n) ?? ""));
    return owner && `imports ${owner}'s number: write "${caller} imports ${owner}'s number"`;
  }
  if (call._ === "contacts.deleteContact" || call._ === "contacts.deleteContacts") {
    const ids = Array.isArray(call.id) ? call.id : [call.id];
    const owner = named(session, ids).find((n) => session.model.hasContact(caller, n));
    return owner && `deletes ${owner}: write "${caller} deletes ${owner} from contacts by ${call._}"`;
  }
  if (SENDS.test(call._)) {
    const peer = named(session, [call.peer]).find((n) => n !== caller);
    return peer && `messages ${peer}: write "${caller} messages ${peer} by <send> at layer <layer>"`;
  }
  return undefined;
}

/** The call of `method` with the fields written in the feature (a JSON object, placeholders filled in). */
export async function callWithFields(
  session: ConformanceSession,
  caller: string | undefined,
  method: string,
  fieldsText = "{}",
): Promise<TlObject> {
  const text = await fillPlaceholders(session, caller, fieldsText);
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new ScenarioError(`the fields of ${method} are not JSON: ${text.slice(0, 80)}`);
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields))
    throw new ScenarioError(`the fields of ${method} must be a JSON object`);
  const given = (fields as { _?: unknown })._;
  if (given !== undefined && given !== method)
    throw new ScenarioError(`the fields name ${String(given)}, the step ${method}`);
  return { ...(fields as object), _: method };
}

/** A call of `method` at `layer` with the fields written in the feature (a JSON object). */
export async function genericCall(
  session: ConformanceSession,
  caller: string,
  method: string,
  layer: Layer,
  fieldsText = "{}",
): Promise<Answer> {
  const call = await callWithFields(session, caller, method, fieldsText);
  const change = linkChangeOf(session, caller, call);
  if (change) throw new ScenarioError(`${caller}'s ${method} ${change}, which tells the link model`);
  const outcome = await session.attempt(caller, { call }, layer);
  const answer = { caller, method, layer, outcome };
  rememberAnswer(session, answer);
  return answer;
}
