// The link pair of docs/semantics.md ("The link pair: the project's reading"), for viewer U and
// other user O, with C(U,O) = O in U's contacts and V(U,O) = U sees O's phone.
import type { Store } from "./store/index.ts";
import type { TlObject } from "./tl_values.ts";

export type UserKind = "userContact" | "userRequest" | "userForeign";

export interface LinkState {
  myLink: TlObject;
  foreignLink: TlObject;
  userKind: UserKind;
}

export function linkState(store: Store, viewer: number, other: number): LinkState {
  // The four facts are read once: this runs twice per pair on every send.
  const viewerHas = store.hasContact(viewer, other); // C(U,O)
  const otherHas = store.hasContact(other, viewer); // C(O,U)
  const viewerSees = store.seesPhone(viewer, other); // V(U,O)
  const otherSees = store.seesPhone(other, viewer); // V(O,U)
  const mutual = viewerHas && otherHas;
  let myLink: TlObject;
  if (mutual) myLink = { _: "contacts.myLinkContact" };
  else if (otherSees) myLink = { _: "contacts.myLinkRequested", contact: viewerHas };
  else if (viewerHas) myLink = { _: "contacts.myLinkContact" };
  else myLink = { _: "contacts.myLinkEmpty" };
  let foreignLink: TlObject;
  if (mutual) foreignLink = { _: "contacts.foreignLinkMutual" };
  else if (otherHas) foreignLink = { _: "contacts.foreignLinkRequested", has_phone: viewerSees };
  else foreignLink = { _: "contacts.foreignLinkUnknown" };
  const userKind: UserKind = viewerHas ? "userContact" : viewerSees ? "userRequest" : "userForeign";
  return { myLink, foreignLink, userKind };
}

/** Link objects hold only a constructor name and booleans: a shallow comparison is exact. */
function sameLink(a: TlObject, b: TlObject): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function sameLinkState(a: LinkState, b: LinkState): boolean {
  return a.userKind === b.userKind && sameLink(a.myLink, b.myLink) && sameLink(a.foreignLink, b.foreignLink);
}
