// Which wire a scenario needs. Most scenarios are semantic and run on every wire; a few write the
// request as the wire carries it (JSON text with a `long` as a number on the TL-JSON wire, bytes
// with a wrong constructor id on MTProto) and say so with @wire-http-json or @wire-mtproto. On
// another wire such a scenario is NOT APPLICABLE: it does not run, and the report lists it apart
// from what the server does not claim.
export const WIRE_NAMES = ["http-json", "mtproto"] as const;
export type WireName = (typeof WIRE_NAMES)[number];

const TAG_PREFIX = "@wire-";

export function tagOfWire(wire: WireName): string {
  return `${TAG_PREFIX}${wire}`;
}

/** The wires a scenario's tags name (empty: every wire), and the @wire- tags that name none. */
export function wiresOfTags(tags: readonly string[]): { wires: WireName[]; unknown: string[] } {
  const wires: WireName[] = [];
  const unknown: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith(TAG_PREFIX)) continue;
    const wire = WIRE_NAMES.find((w) => tagOfWire(w) === tag);
    if (wire) wires.push(wire);
    else unknown.push(tag);
  }
  return { wires, unknown };
}

export function appliesOnWire(tags: readonly string[], wire: WireName): boolean {
  const { wires } = wiresOfTags(tags);
  return wires.length === 0 || wires.includes(wire);
}

/** A cucumber tag expression that keeps only the scenarios that apply on `wire`. */
export function wireTagExpression(wire: WireName): string {
  const others = WIRE_NAMES.filter((w) => w !== wire).map(tagOfWire);
  return `(not (${others.join(" or ")}) or ${tagOfWire(wire)})`;
}
