// The generic checks: checks that run on answers whatever step asked for them, and that can fail
// for more than one requirement. Which requirements each may fail as, and in which order, is data
// (the `speaksFor` of docs/requirements.yaml); what each check is, and the facts its order may
// depend on, is code, named here.

export const GENERIC_CHECKS = {
  "view.reveal": {
    pair: true,
    about:
      "a wrong User object of an owner whose phone a message revealed to the viewer (or a wrong one without a phone)",
  },
  "view.no-reveal": {
    pair: true,
    about:
      "a User object that shows the owner's phone, which the viewer may not see yet although the owner has the viewer's number",
  },
  "view.strangers": {
    pair: true,
    about: "a User object that shows the owner's phone although neither of the two has the other's number",
  },
  "view.contact": {
    pair: true,
    about:
      "a contact shown as anything but userContact with its phone, or a non-contact shown as userContact",
  },
  "result.link-user": {
    pair: true,
    about:
      "a wrong User object in a send result's links (/links/N/user), tried after the view checks' candidates",
  },
  "result.reveal": {
    pair: true,
    about:
      "a wrong User object in the answer to the very send that revealed it, tried after the view checks' candidates",
  },
  "result.no-change": {
    pair: true,
    about: "a layer-3 send that changed none of the sender's links but whose result reports a changed link",
  },
  "updates.no-change": {
    pair: false,
    about: "an updateContactLink that reached a user although none of its links changed",
  },
} as const;

export type CheckName = keyof typeof GENERIC_CHECKS;

/** Facts about the two users a check is about: the viewer and the owner of the view. */
export const PAIR_FACTS = {
  "owner-imported-viewer-from-card":
    "the owner imported the viewer's number from the viewer's own contact card",
  "viewer-sent-the-revealing-message":
    "the private message that revealed the owner's number was the viewer's",
  "they-messaged": "the two exchanged a private message",
  "mutual-contacts": "each has the other in contacts",
} as const;

export type PairFact = keyof typeof PAIR_FACTS;

export const CHECK_NAMES = Object.keys(GENERIC_CHECKS) as CheckName[];
export const PAIR_FACT_NAMES = Object.keys(PAIR_FACTS) as PairFact[];
