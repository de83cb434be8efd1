// The link pair of docs/semantics.md ("The link pair: the project's reading"), as pure functions
// of the four facts of one ordered pair: for viewer U and other user O, C(U,O) = O is in U's
// contacts and V(U,O) = U sees O's phone. This is the harness's own implementation; the
// reference server keeps another (src/server/links.ts), so a shared mistake cannot pass.

export type UserKind = "userContact" | "userRequest" | "userForeign";

/** A contacts.MyLink or contacts.ForeignLink value as TL-JSON. */
export interface LinkObject {
  _: string;
  contact?: boolean;
  has_phone?: boolean;
}

export interface LinkValue {
  myLink: LinkObject;
  foreignLink: LinkObject;
  userKind: UserKind;
}

/** The facts of one ordered pair (U, O). */
export interface PairFacts {
  /** C(U,O) */
  viewerHas: boolean;
  /** C(O,U) */
  otherHas: boolean;
  /** V(U,O) */
  viewerSees: boolean;
  /** V(O,U) */
  otherSees: boolean;
}

export function userKindOf(facts: PairFacts): UserKind {
  if (facts.viewerHas) return "userContact";
  return facts.viewerSees ? "userRequest" : "userForeign";
}

/** The table's value (SHOULD, LINK-VALUES). */
export function tableLink(facts: PairFacts): LinkValue {
  const { viewerHas, otherHas, viewerSees, otherSees } = facts;
  const mutual = viewerHas && otherHas;
  let myLink: LinkObject;
  if (mutual) myLink = { _: "contacts.myLinkContact" };
  else if (otherSees) myLink = { _: "contacts.myLinkRequested", contact: viewerHas };
  else if (viewerHas) myLink = { _: "contacts.myLinkContact" };
  else myLink = { _: "contacts.myLinkEmpty" };
  let foreignLink: LinkObject;
  if (mutual) foreignLink = { _: "contacts.foreignLinkMutual" };
  else if (otherHas) foreignLink = { _: "contacts.foreignLinkRequested", has_phone: viewerSees };
  else foreignLink = { _: "contacts.foreignLinkUnknown" };
  return { myLink, foreignLink, userKind: userKindOf(facts) };
}

/**
 * Whether a my_link value says nothing the docs' one-liners contradict (MUST): myLinkEmpty "No
 * known connection"; myLinkRequested "A user has access to the current user's phone number",
 * `contact` "The user is in the current user's contact list"; myLinkContact "The current user
 * added a user to his contact list". Where two values both fit, the table's choice is SHOULD.
 */
export function myLinkFits(link: unknown, facts: PairFacts): boolean {
  const value = link as LinkObject | undefined;
  switch (value?._) {
    case "contacts.myLinkEmpty":
      return !facts.viewerHas && !facts.otherSees;
    case "contacts.myLinkRequested":
      return facts.otherSees && value.contact === facts.viewerHas;
    case "contacts.myLinkContact":
      return facts.viewerHas;
    default:
      return false;
  }
}

/**
 * The same for foreign_link: foreignLinkUnknown "There is no known connection";
 * foreignLinkRequested "The user requested access to the current user's phone number",
 * `has_phone` "The current user has access to the second user's phone number";
 * foreignLinkMutual "Both users have each other in their contact lists".
 */
export function foreignLinkFits(link: unknown, facts: PairFacts): boolean {
  const value = link as LinkObject | undefined;
  switch (value?._) {
    case "contacts.foreignLinkUnknown":
      return !facts.otherHas;
    case "contacts.foreignLinkRequested":
      return facts.otherHas && value.has_phone === facts.viewerSees;
    case "contacts.foreignLinkMutual":
      return facts.viewerHas && facts.otherHas;
    default:
      return false;
  }
}

/** Two link objects are the same value (a constructor name and at most one boolean). */
export function sameLinkObject(a: unknown, b: unknown): boolean {
  const x = a as LinkObject | undefined;
  const y = b as LinkObject | undefined;
  if (!x || !y || x._ !== y._) return false;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length &&
    keys.every((k) => x[k as keyof LinkObject] === y[k as keyof LinkObject])
  );
}

export function sameLinkValue(a: LinkValue, b: LinkValue): boolean {
  return (
    a.userKind === b.userKind &&
    sameLinkObject(a.myLink, b.myLink) &&
    sameLinkObject(a.foreignLink, b.foreignLink)
  );
}

/** `myLinkRequested(contact=true), foreignLinkUnknown` for messages and the printed Gherkin. */
export function describeLinkObject(link: unknown): string {
  const value = link as LinkObject | undefined;
  if (!value || typeof value._ !== "string") return "none";
  const name = value._.replace(/^contacts\./, "");
  if (value.contact !== undefined) return `${name}(contact=${value.contact})`;
  if (value.has_phone !== undefined) return `${name}(has_phone=${value.has_phone})`;
  return name;
}
