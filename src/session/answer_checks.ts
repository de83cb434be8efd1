// What a generic Then step asserts of the latest answer: its constructor, the value at a JSON
// pointer, a user at a pointer, validity at a layer, an rpc_error. Each fails as the requirement
// the scenario is tagged with first: a generic check exists for the scenario's own requirement.
import { isDeepStrictEqual } from "node:util";
import { isRequirementId, type RequirementId, requirementIdsOfTags } from "../requirements/index.ts";
import { type Layer, layerSchema } from "../tl/index.ts";
import { check, ScenarioError } from "./failure.ts";
import { type Answer, lastAnswer } from "./generic_call.ts";
import { fillPlaceholders } from "./placeholders.ts";
import type { ConformanceSession } from "./session.ts";
import { describeUser, isTlObject } from "./tl_json.ts";

/** The requirement a generic check fails as: the first the scenario is tagged with. */
export function scenarioRequirement(session: ConformanceSession): RequirementId {
  const tagged = requirementIdsOfTags(session.tags).filter(isRequirementId);
  if (tagged.length === 0)
    throw new ScenarioError(
      "a generic check fails as the scenario's requirement: tag the scenario @REQ-<id>",
    );
  return session.pick(tagged);
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

/** The value at an RFC 6901 pointer, and whether there is one. */
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

/**
 * The answer is an rpc_error with this code and one of these messages; a failure speaks for the
 * scenario's requirement unless the caller names one (the explorer's histories carry no tags).
 */
export function expectRpcError(
  session: ConformanceSession,
  code: number,
  messages: readonly string[],
  requirementId?: RequirementId,
): void {
  const answer = lastAnswer(session);
  const got = answer.outcome.rpcError;
  check(
    got !== undefined && got.code === code && messages.includes(got.message),
    requirementId ?? scenarioRequirement(session),
    {
      subject: `the answer to ${answer.method}`,
      expected: `rpc_error ${code} ${messages.join(" or ")}`,
      actual: got ? `rpc_error ${got.code} ${got.message}` : `a result (${resultName(answer.outcome.body)})`,
      pointer: "",
    },
  );
}
