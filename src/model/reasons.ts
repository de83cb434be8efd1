// Which requirements speak for what one user must see of another, from the pair's history and,
// when a wrong view was seen, from what it showed: a phone shown too early breaks a no-reveal
// requirement, a phone missing breaks a reveal requirement, a contact lost or invented breaks the
// contact relation. Which requirements those are, and in which order, is data (the speaksFor of
// docs/requirements.yaml); the facts the order depends on are read from the model here. The
// first id is the model's own answer; a scenario tagged with another of them reads the failure
// in its own terms.
import { type CheckName, candidates, type PairFact, type RequirementId } from "../requirements/index.ts";
import type { LinkModel } from "./link_model.ts";

const pair = (viewer: string, owner: string) => `${viewer}>${owner}`;

/** What a view showed: its constructor, and whether it carried the owner's real phone. */
export interface ShownView {
  kind: string;
  phone: boolean;
}

const FACTS: Record<PairFact, (model: LinkModel, viewer: string, owner: string) => boolean> = {
  "owner-imported-viewer-from-card": (model, viewer, owner) =>
    model.history.fromCard.has(pair(owner, viewer)),
  "viewer-sent-the-revealing-message": (model, viewer, owner) =>
    model.history.revealedBy.get(pair(viewer, owner))?.actor === viewer,
  "they-messaged": (model, viewer, owner) => model.history.messaged.has([viewer, owner].sort().join("|")),
  "mutual-contacts": (model, viewer, owner) =>
    model.hasContact(viewer, owner) && model.hasContact(owner, viewer),
};

/** The pair facts of (viewer, owner) as the candidates of a check ask them. */
export function pairFacts(model: LinkModel, viewer: string, owner: string): (fact: PairFact) => boolean {
  return (fact) => FACTS[fact](model, viewer, owner);
}

const reasons = (check: CheckName, model: LinkModel, viewer: string, owner: string) =>
  candidates(check, pairFacts(model, viewer, owner));

function noRevealReasons(model: LinkModel, viewer: string, owner: string): RequirementId[] {
  return reasons(model.hasContact(owner, viewer) ? "view.no-reveal" : "view.strangers", model, viewer, owner);
}

export function viewReasons(
  model: LinkModel,
  viewer: string,
  owner: string,
  shown?: ShownView,
): RequirementId[] {
  const contact = model.hasContact(viewer, owner);
  const sees = model.seesPhone(viewer, owner);
  const reveal = () => reasons("view.reveal", model, viewer, owner);
  // The contact relation: a contact shown as anything else, or a non-contact shown as one.
  if (contact || shown?.kind === "userContact") {
    const rest = contact ? [] : sees === "no" ? noRevealReasons(model, viewer, owner) : reveal();
    return [...reasons("view.contact", model, viewer, owner), ...rest];
  }
  if (shown === undefined) return sees === "no" ? noRevealReasons(model, viewer, owner) : reveal();
  if (shown.phone && sees === "no") return noRevealReasons(model, viewer, owner);
  return reveal();
}
