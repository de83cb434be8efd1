// Generic calls and checks, so that a new requirement needs no code: a call of any method at any
// layer written in the feature (with the scenario's values filled in), and what its answer must
// hold. The call goes through ConformanceSession.attempt, so its answer gets every automatic
// check; a generic check fails as the requirement the scenario is tagged with first.
import { isDeepStrictEqual } from "node:util";
import type { CallOutcome } from "../bindings/index.ts";
import { isRequirementId, type RequirementId, requirementIdsOfTags } from "../requirements/index.ts";
import { type Layer, layerSchema } from "../tl/index.ts";
import { check, ScenarioError } from "./failure.ts";
import { phoneDigits } from "./phone_scan.ts";
import { fillPlaceholders } from "./placeholders.ts";
import type { ConformanceSession } from "./session.ts";
import { describeUser, isTlObject, objectsOf, type TlObject } from "./tl_json.ts";

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

/** The requirement a generic check fails as: the first the scenario is tagged with. */
export function scenarioRequirement(session: ConformanceSession): RequirementId {
  const tagged = requirementIdsOfTags(session.tags).filter(isRequirementId);
  if (tagged.length === 0)
    throw new ScenarioError(
      "a generic check fails as the scenario's requirement: tag the scenario @REQ-<id>",
    );
  return session.pick(tagged);
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

/** A call of `method` at `layer` with the fields written in the feature (a JSON object). */
export async function genericCall(
  session: ConformanceSession,
  caller: string,
  method: string,
  layer: Layer,
  fieldsText = "{}",
): Promise<Answer> {
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
  const call: TlObject = { ...(fields as object), _: method };
  const change = linkChangeOf(session, caller, call);
  if (change) throw new ScenarioError(`${caller}'s ${method} ${change}, which tells the link model`);
  const outcome = await session.attempt(caller, { call }, layer);
  const answer = { caller, method, layer, outcome };
  rememberAnswer(session, answer);
  return answer;
}

const subjectOf = (a: Answer) =>
  `${a.caller ?? "an unregistered client"}'s answer to ${a.method} at layer ${a.layer}`;

function shown(value: unknown): string {
  if (isTlObject(value) && value._ === "rpc_error")
    return `rpc_error ${String(value.error_code)} ${String(value.error_message)}`;
  return value === undefined ? "nothing" : JSON.stringify(value);
}

const resultName = (body: unknown) =>
  isTlObject(body) ? body._ : Array.isArray(body) ? "a vector" : shown(body);

/** The value at an RFC 6901 pointer, or `missing`. */
function valueAt(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  let here = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof here !== "object" || here === null || !Object.hasOwn(here, key)) return { found: false };
    here = (here as Record<string, unknown>)[key];
  }
  return { found: true, value: here };
}

export function expectConstructor(session: ConformanceSession, name: string): void {
  const answer = lastAnswer(session);
  const body = answer.outcome.body;
  const got = resultName(body);
  check(got === name, scenarioRequirement(session), {
    subject: subjectOf(answer),
    expected: name,
    actual: isTlObject(body) && body._ === "rpc_error" ? shown(body) : got,
    pointer: "/_",
  });
}

/** The value at the pointer equals the JSON written in the feature (placeholders filled in). */
export async function expectValueAt(
  session: ConformanceSession,
  pointer: string,
  expectedText: string,
): Promise<void> {
  const answer = lastAnswer(session);
  const text = await fillPlaceholders(session, answer.caller, expectedText);
  let expected: unknown;
  try {
    expected = JSON.parse(text);
  } catch {
    throw new ScenarioError(`the expected value is not JSON: ${text}`);
  }
  const at = valueAt(answer.outcome.body, pointer);
  check(at.found && isDeepStrictEqual(at.value, expected), scenarioRequirement(session), {
    subject: subjectOf(answer),
    expected: JSON.stringify(expected),
    actual: at.found
      ? shown(at.value)
      : `nothing there (the answer is ${shown(answer.outcome.body).slice(0, 200)})`,
    pointer,
  });
}

/** The value at the pointer is the owner's User object of that constructor, with or without the phone. */
export function expectUserAt(
  session: ConformanceSession,
  pointer: string,
  owner: string,
  kind: string,
  withPhone: boolean,
): void {
  const answer = lastAnswer(session);
  const at = valueAt(answer.outcome.body, pointer);
  const user = isTlObject(at.value) ? at.value : undefined;
  const phone = session.phoneOf(owner);
  const ok =
    user !== undefined &&
    user._ === kind &&
    user.id === session.idOf(owner) &&
    (withPhone ? user.phone === phone : user.phone === undefined);
  check(ok, scenarioRequirement(session), {
    subject: subjectOf(answer),
    expected: `${owner} (user ${session.idOf(owner)}) as ${kind} ${withPhone ? `with phone ${phone}` : "without a phone"}`,
    actual: user
      ? `user ${String(user.id)} as ${describeUser(user)}`
      : at.found
        ? shown(at.value)
        : "nothing there",
    pointer,
  });
}

/** The answer validates against the schema of a layer (which need not be the declared one). */
export function expectValidAt(session: ConformanceSession, layer: Layer): void {
  const answer = lastAnswer(session);
  const result = layerSchema(layer).validateResult(answer.method, answer.outcome.body);
  check(result.ok, scenarioRequirement(session), {
    subject: subjectOf(answer),
    expected: `a value of the layer-${layer} schema`,
    actual: result.ok ? "one" : result.summary,
    pointer: result.ok ? "" : (result.issues[0]?.instancePath ?? ""),
  });
}

/** The answer is an rpc_error with this code and one of these messages. */
export function expectRpcError(session: ConformanceSession, code: number, messages: readonly string[]): void {
  const answer = lastAnswer(session);
  const got = answer.outcome.rpcError;
  check(
    got !== undefined && got.code === code && messages.includes(got.message),
    scenarioRequirement(session),
    {
      subject: `the answer to ${answer.method}`,
      expected: `rpc_error ${code} ${messages.join(" or ")}`,
      actual: got ? `rpc_error ${got.code} ${got.message}` : `a result (${resultName(answer.outcome.body)})`,
      pointer: "",
    },
  );
}
