// The checks every answer gets, whatever asked for it, so neither a spec-writer nor the explorer
// can forget them: the declared layer's schema (SCHEMA), no constructor of a later layer
// (L3-LAYER-GATE), every User object of a scenario's user as the link model says (the view
// requirements), every user an answer mentions listed in its users, and no phone the caller may
// not see in any writing anywhere in the answer (PRIVACY).
import type { CallOutcome } from "../bindings/index.ts";
import { type LinkModel, type ModelEvent, viewReasons } from "../model/index.ts";
import type { RequirementId } from "../requirements/index.ts";
import { type Layer, layerSchema, validateRpcError } from "../tl/index.ts";
import { check, RequirementFailure } from "./failure.ts";
import { findPhone, PhoneMatcher } from "./phone_scan.ts";
import { describeUser, isTlObject, objectsOf, type TlObject, usersIn } from "./tl_json.ts";

/** What the checks know of the scenario (a ConformanceSession provides it). */
export interface Scene {
  readonly model: LinkModel;
  nameOf(userId: number): string | undefined;
  idOf(name: string): number | undefined;
  phoneOf(name: string): string | undefined;
  /** Names of the scenario's signed-up users. */
  names(): string[];
  /** The first of the candidates the scenario is tagged with, else the first candidate. */
  pick(candidates: readonly RequirementId[]): RequirementId;
  /** Digits of the contact cards a user of the scenario really sent to the viewer (or the viewer sent). */
  cardsOf(viewer: string): ReadonlySet<string>;
}

export interface Inspected {
  viewer: string | undefined;
  method: string;
  layer: Layer;
  outcome: CallOutcome;
  /** Set for a send: its model event, so a view it revealed speaks for S1-BEFORE-SEND. */
  sendEvent?: ModelEvent;
}

const MAX_NODES = 200_000;
const SENDS = /^messages\.(send|forward)/;

/** Constructor names in a value that the declared layer does not have but layer 3 does. */
function laterLayerConstructor(body: unknown, layer: Layer): { name: string; pointer: string } | undefined {
  if (layer === 3) return undefined;
  const declared = layerSchema(layer);
  const latest = layerSchema(3);
  const stack: [unknown, string][] = [[body, ""]];
  let nodes = 0;
  while (stack.length > 0 && nodes++ < MAX_NODES) {
    const [value, pointer] = stack.pop() as [unknown, string];
    if (typeof value !== "object" || value === null) continue;
    const name = (value as { _?: unknown })._;
    if (typeof name === "string" && !declared.hasConstructor(name) && latest.hasConstructor(name)) {
      return { name, pointer };
    }
    for (const [key, inner] of Object.entries(value)) stack.push([inner, `${pointer}/${key}`]);
  }
  return undefined;
}

export function checkSchema(method: string, layer: Layer, body: unknown, who: string): void {
  const known = layerSchema(layer).hasMethod(method);
  const result = known ? layerSchema(layer).validateResult(method, body) : validateRpcError(body);
  if (result.ok) return;
  const later = laterLayerConstructor(body, layer);
  if (later) {
    throw new RequirementFailure("L3-LAYER-GATE", {
      subject: `${who}'s answer to ${method} at layer ${layer}`,
      expected: `only constructors of layer ${layer}`,
      actual: `${later.name}, which exists from layer 3 on`,
      pointer: later.pointer,
    });
  }
  throw new RequirementFailure("SCHEMA", {
    subject: `${who}'s answer to ${method} at layer ${layer}`,
    expected: `a value of the layer-${layer} schema (${known ? `result of ${method}` : "rpc_error"})`,
    actual: result.summary,
    pointer: result.issues[0]?.instancePath ?? "",
  });
}

function candidatesAt(
  scene: Scene,
  seen: Inspected,
  viewer: string,
  owner: string,
  user: TlObject,
  pointer: string,
): RequirementId[] {
  const near: RequirementId[] = [];
  if (SENDS.test(seen.method) && /^\/links\/\d+\/user$/.test(pointer)) near.push("L3-LINK-USER");
  const revealed = scene.model.history.revealedBy.get(`${viewer}>${owner}`);
  if (seen.sendEvent && revealed === seen.sendEvent) near.push("S1-BEFORE-SEND");
  const shown = { kind: user._, phone: user.phone !== undefined };
  // The model's reasons come first: a view the server itself got wrong; the places where the
  // view stands speak only for a scenario tagged with them.
  return [...viewReasons(scene.model, viewer, owner, shown), ...near];
}

/** What a viewer must be shown of an owner now: the constructors the model allows. */
export function allowedViews(
  scene: Scene,
  viewer: string,
  owner: string,
): { kind: string; phone: boolean }[] {
  if (scene.model.hasContact(viewer, owner)) return [{ kind: "userContact", phone: true }];
  const sees = scene.model.seesPhone(viewer, owner);
  const revealed = { kind: "userRequest", phone: true };
  const foreign = { kind: "userForeign", phone: false };
  return sees === "yes" ? [revealed] : sees === "no" ? [foreign] : [revealed, foreign];
}

export function describeAllowed(scene: Scene, viewer: string, owner: string): string {
  const phone = scene.phoneOf(owner);
  return allowedViews(scene, viewer, owner)
    .map((v) => (v.phone ? `${v.kind} with phone ${phone}` : `${v.kind} without a phone`))
    .join(" or (the server's choice after a delete) ");
}

/** One User object for a user of the scenario, against the model; narrows the model's open choices. */
export function checkUserView(
  scene: Scene,
  seen: Inspected,
  viewer: string,
  owner: string,
  user: TlObject,
  pointer: string,
): void {
  const phone = scene.phoneOf(owner);
  const shown = allowedViews(scene, viewer, owner).find(
    (v) => user._ === v.kind && (v.phone ? user.phone === phone : user.phone === undefined),
  );
  if (shown) {
    if (scene.model.seesPhone(viewer, owner) === "either")
      scene.model.observePhone(viewer, owner, shown.phone);
    return;
  }
  throw new RequirementFailure(scene.pick(candidatesAt(scene, seen, viewer, owner, user, pointer)), {
    subject: `${viewer}'s view of ${owner} in the answer to ${seen.method}`,
    expected: describeAllowed(scene, viewer, owner),
    actual: describeUser(user),
    pointer,
  });
}

/** Users an answer's messages, dialogs, updates, imports or contacts name (by id). */
function mentioned(body: TlObject): Set<number> {
  const ids = new Set<number>();
  const peerUser = (peer: unknown) => (isTlObject(peer) && peer._ === "peerUser" ? peer.user_id : undefined);
  const lists = [
    body.new_messages,
    body.messages,
    body.dialogs,
    body.other_updates,
    body.imported,
    body.contacts,
  ];
  if (isTlObject(body.message)) lists.push([body.message]);
  for (const item of lists.flatMap(objectsOf)) {
    for (const id of [item.from_id, peerUser(item.to_id), peerUser(item.peer), item.user_id]) {
      if (typeof id === "number") ids.add(id);
    }
  }
  return ids;
}

function checkUsersListed(scene: Scene, seen: Inspected, viewer: string): void {
  const body = seen.outcome.body;
  if (!isTlObject(body) || !Array.isArray(body.users)) return;
  const listed = new Set(objectsOf(body.users).map((u) => u.id));
  for (const id of mentioned(body)) {
    const owner = scene.nameOf(id);
    if (owner === undefined || owner === viewer || listed.has(id)) continue;
    throw new RequirementFailure(scene.pick(viewReasons(scene.model, viewer, owner)), {
      subject: `${viewer}'s answer to ${seen.method}`,
      expected: `${owner} (user ${id}) in users, since the answer mentions ${owner}: ${describeAllowed(scene, viewer, owner)}`,
      actual: `no User for ${owner} in users`,
      pointer: "/users",
    });
  }
}

function checkPrivacy(scene: Scene, seen: Inspected): void {
  const { viewer } = seen;
  const forbidden = scene
    .names()
    .filter(
      (other) => other !== viewer && (viewer === undefined || scene.model.seesPhone(viewer, other) === "no"),
    );
  const phones = forbidden.flatMap((name) => scene.phoneOf(name) ?? []);
  if (phones.length === 0) return;
  const matcher = new PhoneMatcher(phones);
  const who = viewer ?? "an unregistered client";
  const ownerOf = (phone: string) => forbidden.find((n) => scene.phoneOf(n) === phone) ?? "?";
  const inMeta = matcher.find(seen.outcome.metaText);
  check(inMeta === undefined, "PRIVACY", {
    subject: `${who}'s answer to ${seen.method} (its headers)`,
    expected: `no phone of a user ${who} may not see`,
    actual: `${ownerOf(inMeta ?? "")}'s phone ${inMeta} in a header`,
  });
  // The text as it arrived first: without escapes it holds every string as decoded, so a text
  // with no phone in it needs no walk.
  const { bodyText } = seen.outcome;
  if (!bodyText.includes("\\") && matcher.find(bodyText) === undefined) return;
  const cards = viewer === undefined ? new Set<string>() : scene.cardsOf(viewer);
  const hit = findPhone(seen.outcome.body, matcher, (digits) => cards.has(digits));
  check(hit === undefined, "PRIVACY", {
    subject: `${who}'s answer to ${seen.method}`,
    expected: `no phone of a user ${who} may not see (a contact card counts only where a user of the scenario sent that card to ${who})`,
    actual: `${ownerOf(hit?.phone ?? "")}'s phone ${hit?.phone}`,
    pointer: hit?.pointer ?? "",
  });
}

/**
 * Every User object of the answer against the model. Where several are wrong, the one whose
 * failure speaks for a requirement the scenario is tagged with is reported: that is the view the
 * scenario is about.
 */
function checkUserViews(scene: Scene, seen: Inspected, viewer: string): void {
  const failures: RequirementFailure[] = [];
  for (const { user, pointer } of usersIn(seen.outcome.body)) {
    const owner = scene.nameOf(user.id as number);
    if (owner === undefined || owner === viewer) continue;
    try {
      checkUserView(scene, seen, viewer, owner, user, pointer);
    } catch (error) {
      if (!(error instanceof RequirementFailure)) throw error;
      failures.push(error);
    }
  }
  if (failures.length === 0) return;
  const ids = failures.map((f) => f.requirementId);
  const preferred = scene.pick(ids);
  throw failures.find((f) => f.requirementId === preferred) ?? failures[0];
}

export function inspect(scene: Scene, seen: Inspected): void {
  const who = seen.viewer ?? "an unregistered client";
  checkSchema(seen.method, seen.layer, seen.outcome.body, who);
  const viewer = seen.viewer;
  if (viewer !== undefined) {
    checkUserViews(scene, seen, viewer);
    checkUsersListed(scene, seen, viewer);
  }
  checkPrivacy(scene, seen);
}
