// The checks every answer gets, whatever step asked for it, so a spec-writer cannot forget them:
// the declared layer's schema (SCHEMA), no constructor of a later layer (L3-LAYER-GATE), and no
// phone the caller may not see (PRIVACY).
import { type Layer, layerSchema, validateRpcError } from "../src/tl/index.ts";
import { RequirementFailure } from "./failure.ts";
import { findPhones } from "./phone_scan.ts";

const MAX_NODES = 200_000;

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
  const first = result.issues[0];
  throw new RequirementFailure("SCHEMA", {
    subject: `${who}'s answer to ${method} at layer ${layer}`,
    expected: `a value of the layer-${layer} schema (${known ? `result of ${method}` : "rpc_error"})`,
    actual: result.summary,
    pointer: first?.instancePath ?? "",
  });
}

/**
 * A phone shown in a User object's own phone field means the server presented that user as
 * revealed: in a scenario about a "no reveal" requirement, that requirement is what broke (the
 * caller passes it as `revealRequirement`); anywhere else the leak is a PRIVACY failure.
 */
export function checkPrivacy(
  method: string,
  answer: { body: unknown; text: string },
  who: string,
  forbidden: Map<string, string>,
  revealRequirement: string | undefined,
): void {
  const phones = [...forbidden.keys()];
  // The whole text first (native and fast); the walk only locates a hit and applies the
  // contact-message exception.
  if (!phones.some((phone) => answer.text.includes(phone))) return;
  const hit = findPhones(answer.body, phones);
  if (!hit) return;
  throw new RequirementFailure(hit.inUser && revealRequirement ? revealRequirement : "PRIVACY", {
    subject: `${who}'s answer to ${method}`,
    expected: `no phone of a user ${who} may not see`,
    actual: `${forbidden.get(hit.phone)}'s phone ${hit.phone}`,
    pointer: hit.pointer,
  });
}
