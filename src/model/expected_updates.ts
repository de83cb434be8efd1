// What updateContactLink a user must get after a point in the model's history (docs/semantics.md,
// LINK-PEER-UPDATE and L3-NO-SELF-UPDATE): for every change of its link made by someone else's
// action, exactly one update with the new values; none for a change its own send made; none
// where nothing changed. For its own import or delete the spec says nothing, so one update with
// the new values is allowed and none is too.
import type { RequirementId } from "../requirements/index.ts";
import type { LinkChange, LinkModel, ModelEvent } from "./link_model.ts";
import { describeLinkObject, type LinkObject, sameLinkObject } from "./link_table.ts";

/** One updateContactLink as received: about which user, with which link values. */
export interface ReceivedLinkUpdate {
  other: string;
  myLink: unknown;
  foreignLink: unknown;
}

export interface UpdateMismatch {
  requirement: RequirementId;
  other: string;
  expected: string;
  actual: string;
}

interface Expected {
  change: LinkChange;
  /** The recipient's own import or delete: the update may be there or not. */
  optional: boolean;
  /** The recipient's own send: there must be none. */
  forbidden: boolean;
}

const describe = (my: unknown, foreign: unknown) =>
  `${describeLinkObject(my)}, ${describeLinkObject(foreign)}`;

function expectedFor(recipient: string, changes: LinkChange[], events: readonly ModelEvent[]): Expected[] {
  return changes
    .filter((c) => c.viewer === recipient)
    .map((change) => {
      const event = events[change.event - 1] as ModelEvent;
      const own = event.actor === recipient;
      return {
        change,
        optional: own && event.action !== "message",
        forbidden: own && event.action === "message",
      };
    });
}

const matches = (u: ReceivedLinkUpdate, c: LinkChange) =>
  sameLinkObject(u.myLink, c.after.myLink as LinkObject) &&
  sameLinkObject(u.foreignLink, c.after.foreignLink as LinkObject);

/** Compares one world's expected changes with what arrived, per other user, in order. */
function compareWorld(
  recipient: string,
  received: readonly ReceivedLinkUpdate[],
  changes: LinkChange[],
  events: readonly ModelEvent[],
  noChangeRequirement: RequirementId,
): UpdateMismatch | undefined {
  const expected = expectedFor(recipient, changes, events);
  const others = new Set([...received.map((u) => u.other), ...expected.map((e) => e.change.other)]);
  for (const other of others) {
    const got = received.filter((u) => u.other === other);
    const want = expected.filter((e) => e.change.other === other);
    let next = 0;
    for (const item of want) {
      const update = got[next];
      if (item.forbidden) {
        if (update && matches(update, item.change)) {
          return {
            requirement: "L3-NO-SELF-UPDATE",
            other,
            expected: `no updateContactLink for ${other}: the change came from ${recipient}'s own send`,
            actual: `updateContactLink with ${describe(update.myLink, update.foreignLink)}`,
          };
        }
        continue;
      }
      if (update && matches(update, item.change)) {
        next += 1;
        continue;
      }
      if (item.optional) continue;
      return {
        requirement: "LINK-PEER-UPDATE",
        other,
        expected: `an updateContactLink for ${other} with the new link ${describe(item.change.after.myLink, item.change.after.foreignLink)}`,
        actual: update
          ? `updateContactLink with ${describe(update.myLink, update.foreignLink)}`
          : "no updateContactLink for it",
      };
    }
    const extra = got[next];
    if (extra) {
      // An extra update with the values of the recipient's own send's change is that send's;
      // any other is one too many (or one where nothing changed).
      const ownSend = want.some((w) => w.forbidden && matches(extra, w.change));
      return {
        requirement: ownSend
          ? "L3-NO-SELF-UPDATE"
          : want.length === 0
            ? noChangeRequirement
            : "LINK-PEER-UPDATE",
        other,
        expected:
          want.length === 0
            ? `no updateContactLink for ${other}: no link of ${recipient} to ${other} changed`
            : `exactly ${want.filter((w) => !w.forbidden).length} updateContactLink for ${other}, one per change`,
        actual: `${got.length} updateContactLink (${got.map((u) => describe(u.myLink, u.foreignLink)).join("; ")})`,
      };
    }
  }
  return undefined;
}

/**
 * Checks the updateContactLink a recipient received after event `since` against every world the
 * model still allows; keeps the worlds that agree. Returns the mismatch of the first world when
 * none agrees. `noChangeRequirement` names what an update where nothing changed breaks (S3-STABLE
 * among mutual contacts, LINK-PEER-UPDATE elsewhere).
 */
export function checkLinkUpdates(
  model: LinkModel,
  recipient: string,
  since: number,
  received: readonly ReceivedLinkUpdate[],
  noChangeRequirement: RequirementId = "LINK-PEER-UPDATE",
): UpdateMismatch | undefined {
  let first: UpdateMismatch | undefined;
  const agrees = model.observe((world) => {
    const mismatch = compareWorld(
      recipient,
      received,
      world.changes(since),
      model.events,
      noChangeRequirement,
    );
    first ??= mismatch;
    return mismatch === undefined;
  });
  return agrees ? undefined : first;
}
