// Which requirements speak for what one user must see of another, from the pair's history and,
// when a wrong view was seen, from what it showed: a phone shown too early breaks a no-reveal
// requirement, a phone missing breaks a reveal requirement, a contact lost or invented breaks the
// contact relation. The first id is the model's own answer; a scenario tagged with another of
// them reads the failure in its own terms.
import type { RequirementId } from "../requirements/index.ts";
import type { LinkModel } from "./link_model.ts";

const pair = (viewer: string, owner: string) => `${viewer}>${owner}`;

/** What a view showed: its constructor, and whether it carried the owner's real phone. */
export interface ShownView {
  kind: string;
  phone: boolean;
}

function revealReasons(model: LinkModel, viewer: string, owner: string): RequirementId[] {
  const event = model.history.revealedBy.get(pair(viewer, owner));
  const direction: RequirementId = event?.actor === viewer ? "S1-REVEAL-REVERSE" : "S1-REVEAL";
  const other: RequirementId = direction === "S1-REVEAL" ? "S1-REVEAL-REVERSE" : "S1-REVEAL";
  return model.history.fromCard.has(pair(owner, viewer))
    ? ["S2-LATER-REVEAL", direction, other]
    : [direction, "S2-LATER-REVEAL", other];
}

function noRevealReasons(model: LinkModel, viewer: string, owner: string): RequirementId[] {
  if (model.hasContact(owner, viewer)) {
    return model.history.fromCard.has(pair(owner, viewer))
      ? ["S2-IMPORT-NO-REVEAL", "S1-NO-EARLY-REVEAL"]
      : ["S1-NO-EARLY-REVEAL", "S2-IMPORT-NO-REVEAL"];
  }
  const messaged = model.history.messaged.has([viewer, owner].sort().join("|"));
  return messaged ? ["S2-NO-REVEAL", "S2-FOREIGN"] : ["S2-FOREIGN", "S2-NO-REVEAL"];
}

function contactReasons(model: LinkModel, viewer: string, owner: string): RequirementId[] {
  return model.hasContact(owner, viewer) && model.hasContact(viewer, owner)
    ? ["S3-STABLE", "S2-IMPORT"]
    : ["S2-IMPORT", "S3-STABLE"];
}

export function viewReasons(
  model: LinkModel,
  viewer: string,
  owner: string,
  shown?: ShownView,
): RequirementId[] {
  const contact = model.hasContact(viewer, owner);
  const sees = model.seesPhone(viewer, owner);
  // The contact relation: a contact shown as anything else, or a non-contact shown as one.
  if (contact || shown?.kind === "userContact") {
    const rest = contact
      ? []
      : sees === "no"
        ? noRevealReasons(model, viewer, owner)
        : revealReasons(model, viewer, owner);
    return [...contactReasons(model, viewer, owner), ...rest];
  }
  if (shown === undefined)
    return sees === "no" ? noRevealReasons(model, viewer, owner) : revealReasons(model, viewer, owner);
  if (shown.phone && sees === "no") return noRevealReasons(model, viewer, owner);
  return revealReasons(model, viewer, owner);
}
