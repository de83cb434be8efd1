// An import of another user's number ("has the number"), or of the number on a contact card that
// user sent (scenario 2's exchange).
import { importFromCard, importNumber } from "../../session/index.ts";
import { type Action, setupAction } from "./action.ts";

export function importNumberAction(importer: string, owner: string): Action {
  return setupAction(
    `${importer} imports ${owner}'s number`,
    "import",
    (state) => !state.session.model.hasContact(importer, owner),
    (state) => importNumber(state.session, importer, owner),
  );
}

export function importFromCardAction(importer: string, owner: string): Action {
  return setupAction(
    `${importer} imports ${owner}'s number from the contact message`,
    "import from a card",
    // By the history, not by what arrived: a card that arrived wrong is the finding.
    (state) => !state.session.model.hasContact(importer, owner) && state.hasOwnCard(owner, importer),
    (state) => importFromCard(state.session, importer, owner),
  );
}
