// The link pair of docs/semantics.md ("The link pair: the project's reading"), for viewer U and
// other user O, with C(U,O) = O in U's contacts and V(U,O) = U sees O's phone.
import type { Store } from "./store.ts";
import type { TlObject } from "./tl_values.ts";

export type UserKind = "userContact" | "userRequest" | "userForeign";

export interface LinkState {
  myLink: TlObject;
  foreignLink: TlObject;
  userKind: UserKind;
}

export function linkState(store: Store, viewer: number, other: number): LinkState {
  const c = (u: number, o: number) => store.hasContact(u, o);
  const v = (u: number, o: number) => store.seesPhone(u, o);
  const mutual = c(viewer, other) && c(other, viewer);
  let myLink: TlObject;
  if (mutual) myLink = { _: "contacts.myLinkContact" };
  else if (v(other, viewer)) myLink = { _: "contacts.myLinkRequested", contact: c(viewer, other) };
  else if (c(viewer, other)) myLink = { _: "contacts.myLinkContact" };
  else myLink = { _: "contacts.myLinkEmpty" };
  let foreignLink: TlObject;
  if (mutual) foreignLink = { _: "contacts.foreignLinkMutual" };
  else if (c(other, viewer))
    foreignLink = { _: "contacts.foreignLinkRequested", has_phone: v(viewer, other) };
  else foreignLink = { _: "contacts.foreignLinkUnknown" };
  const userKind: UserKind = c(viewer, other)
    ? "userContact"
    : v(viewer, other)
      ? "userRequest"
      : "userForeign";
  return { myLink, foreignLink, userKind };
}

export function sameLinkState(a: LinkState, b: LinkState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
