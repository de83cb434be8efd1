// What `explore` finds by itself against each mutant of test/mutants/catalogue.ts with the survey's
// fixed seed and budget (survey.ts): the requirement of its first finding, or null for none.
// Keyed by mutant name; test/explore/mutant_survey.test.ts proves every entry against a real run,
// and docs/mutants.md shows them. A new mutant needs its entry here: the test names what to write.
export const FOUND_BY_EXPLORE: Readonly<Record<string, string | null>> = {
  identity: null,
  "no-reveal": "S1-REVEAL-REVERSE",
  "reveal-only-when-holder-sends": "S1-REVEAL-REVERSE",
  "reveal-one-message-late": "S1-REVEAL-REVERSE",
  "reveal-between-strangers": "S2-NO-REVEAL",
  "reveal-on-import": "S1-NO-EARLY-REVEAL",
  "reveal-in-chat": "S1-NO-EARLY-REVEAL",
  "contact-media-phone-changed": "S2-CONTACT-MEDIA",
  "contact-media-wrong-user": "S2-CONTACT-MEDIA",
  "import-ignored": "S2-IMPORT",
  "links-change-between-contacts": "L3-NO-CHANGE",
  "plain-result-at-layer-3": "L3-LINKS-IN-RESULT",
  "link-constructors-before-layer-3": "L3-LAYER-GATE",
  "stale-link-user": "S1-REVEAL-REVERSE",
  "link-for-wrong-user": "L3-LINKS-IN-RESULT",
  "update-to-sender": "L3-NO-SELF-UPDATE",
  "no-update-to-peer": "LINK-PEER-UPDATE",
  "has-phone-inverted": "LINK-PEER-UPDATE",
  "phone-in-user-foreign": "SCHEMA",
  "phone-in-last-name": "PRIVACY",
  "dialogs-without-users": "S1-REVEAL-REVERSE",
  "long-as-number": "SCHEMA",
  "extra-field": "SCHEMA",
  "unknown-constructor": "SCHEMA",
  // Bad input is the fixed suite's work (features/errors): explore sends only well-formed calls.
  "html-500-on-bad-input": null,
  "rejected-request-changes-state": null,
};
