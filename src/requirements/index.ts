// The one place where every requirement's id, level and source sentence live. Features tag
// scenarios with `@REQ-<id>`; reports, the trace (docs/requirements.md) and the mutant matrix read
// the level from here, so a level can never disagree between two documents.

export type RequirementLevel = "MUST" | "SHOULD";

export interface Requirement {
  readonly id: string;
  level: RequirementLevel;
  /** The sentence of the spec (or the binding) this requirement comes from. */
  source: string;
  /** What the suite checks, in one line. */
  check: string;
}

export const REQUIREMENTS = [
  {
    id: "S1-REVEAL",
    level: "MUST",
    source:
      "User A sends message to B … A's number becomes available for B (user A is then presented as constructor userRequest)",
    check:
      "A has B's number, B has not A's; A messages B; then every view B gets of A is userRequest with A's real phone",
  },
  {
    id: "S1-REVEAL-REVERSE",
    level: "MUST",
    source: "The same happens if user B not having A's number sends a message to the latter",
    check: "as S1-REVEAL, but B messages A",
  },
  {
    id: "S1-BEFORE-SEND",
    level: "MUST",
    source: "Immediately prior to sending a message relevant check is executed",
    check: "the very update that delivers A's first message to B already carries A as userRequest with phone",
  },
  {
    id: "S1-NO-EARLY-REVEAL",
    level: "MUST",
    source:
      "But B does not know А's number … the link changes immediately prior to sending a message (so not before)",
    check:
      "A imports B; B meets A in a chat made by C; before any message between them B sees A as userForeign with no phone",
  },
  {
    id: "S2-FOREIGN",
    level: "MUST",
    source: "For both of them phone numbers are not available (in API - constructor userForeign)",
    check: "two users who met in a chat made by a third user see each other as userForeign",
  },
  {
    id: "S2-NO-REVEAL",
    level: "MUST",
    source: "When messaging A's number will not become available for B and vice versa",
    check: "after messages both ways, both still userForeign, no phone anywhere in any response to either",
  },
  {
    id: "S2-CONTACT-MEDIA",
    level: "MUST",
    source: "send him personal message with contact info … inputMediaContact using method messages.sendMedia",
    check:
      "A sends inputMediaContact with A's phone and names; B receives messageMediaContact with those values and user_id = A",
  },
  {
    id: "S2-IMPORT",
    level: "MUST",
    source: "import it using method contacts.importContacts to have it in contacts",
    check:
      "B imports A; the result lists A; B then sees A as userContact with phone; A is in B's getContacts",
  },
  {
    id: "S2-IMPORT-NO-REVEAL",
    level: "MUST",
    source: "after any message later between them B's number will be available (so not before)",
    check: "right after B's import and before any further message, A still sees B as userForeign",
  },
  {
    id: "S2-LATER-REVEAL",
    level: "MUST",
    source: "after any message later between them B's number will be available for A",
    check: "after one more message (either direction), A sees B as userRequest with B's phone",
  },
  {
    id: "S3-STABLE",
    level: "MUST",
    source: "messaging does not change links since target state has been reached",
    check:
      "both imported each other; messages both ways; both stay userContact; no link is reported as changed",
  },
  {
    id: "L3-LINKS-IN-RESULT",
    level: "MUST",
    source: "constructors containing updated links were added to resulting types of messaging methods",
    check:
      "at layer 3 a send that changes the sender's link to the peer returns sentMessageLink (sendMessage), statedMessageLink (sendMedia, forwardMessage) or statedMessagesLinks (forwardMessages), whose links hold exactly the sender's links the send changed: one contacts.link, for the peer, with the link pair as it stands after the send (the values the docs' one-liners decide are MUST; the rest of the table is LINK-VALUES)",
  },
  {
    id: "L3-LINK-USER",
    level: "MUST",
    source: 'contacts.link "Connections between a certain user and the current one"',
    check:
      "each such link's user is the peer as the sender now sees it (same constructor and phone as users.getUsers)",
  },
  {
    id: "L3-NO-CHANGE",
    level: "SHOULD",
    source: "constructors containing updated links",
    check:
      "at layer 3 a send that changes nothing returns the plain constructor or a *Link one with empty links",
  },
  {
    id: "L3-LAYER-GATE",
    level: "MUST",
    source: "To indicate for clients that these constructors are supported one should use 3rd layer",
    check:
      "at layers 1 and 2 the same sends return only sentMessage / statedMessage / statedMessages; layer-3 constructors never reach them",
  },
  {
    id: "L3-NO-SELF-UPDATE",
    level: "SHOULD",
    source: "when sending messages to a current user updates on changed links are not sent",
    check:
      "the sender gets no updateContactLink for a change its own send made, whatever the send method and at every layer (at layers 1 and 2 the sender learns it only from later views)",
  },
  {
    id: "LINK-PEER-UPDATE",
    level: "SHOULD",
    source: 'updateContactLink "Change of link with the user"',
    check:
      "for every change of its link, the other party gets exactly one updateContactLink with the new values, in its getDifference, whatever the send method and the layer the sender declared; no updateContactLink reaches anyone when no link changed",
  },
  {
    id: "LINK-VALUES",
    level: "SHOULD",
    source: "the one-line meanings of contacts.myLink* / foreignLink*",
    check: "link pairs follow the project's link table (docs/semantics.md)",
  },
  {
    id: "SCHEMA",
    level: "MUST",
    source: "the TL schema of the declared layer",
    check:
      "every response validates against the JSON Schema derived from schema/layerN.tl for the declared layer",
  },
  {
    id: "PRIVACY",
    level: "MUST",
    source: 'userForeign "not a contact", phone "not available"',
    check:
      "no answer to a user ever contains the phone of a user that user may not see: the whole answer (every header and the whole body, not only User objects) is searched for the number in any usual writing (digits alone, with +, spaces, dashes, dots or brackets); the one exception is the phone_number of a contact card that a user really sent to that viewer",
  },
  {
    id: "ERRORS",
    level: "MUST",
    source: "the binding's error table (docs/binding.md)",
    check:
      "bad input (docs/binding.md) gets its rpc_error, and the server's state is unchanged after it, as every user of the scenario sees it; this includes addressing: every input that names a user or peer (inputPeer*, inputUser*, in every method that takes one) is refused for a user the caller may not address that way",
  },
] as const satisfies readonly Requirement[];

/** A requirement id: a typo in code is a compile error. */
export type RequirementId = (typeof REQUIREMENTS)[number]["id"];

const byId = new Map<string, Requirement>(REQUIREMENTS.map((r) => [r.id, r]));

export function isRequirementId(id: string): id is RequirementId {
  return byId.has(id);
}

/** The requirement with this id; throws on an unknown id (one read from a tag or a file). */
export function requirement(id: string): Requirement {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown requirement id "${id}"; known: ${[...byId.keys()].join(", ")}`);
  return found;
}

/** The requirement ids named by a scenario's tags (`@REQ-S1-REVEAL` → `S1-REVEAL`). */
export function requirementIdsOfTags(tags: readonly string[]): string[] {
  return tags.filter((t) => t.startsWith("@REQ-")).map((t) => t.slice("@REQ-".length));
}
