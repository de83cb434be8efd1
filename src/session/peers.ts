// How one user addresses another, as a 2013 client did: by id when the other is its contact (it
// imported the other, and its latest view of the other is userContact), otherwise with the
// access_hash from its latest view (every User but userSelf carries one, userContact too, so a
// user just deleted is still addressed). Nothing assumes hashes are per user or per viewer: the
// hash used is always the one this caller was given.
import type { Actor } from "./actors.ts";
import { ScenarioError } from "./failure.ts";
import type { TlObject } from "./tl_json.ts";

function latestView(caller: Actor, other: Actor): TlObject {
  const view = caller.views.get(other.id);
  if (!view)
    throw new ScenarioError(`${caller.name} has never been shown ${other.name}: set up how they met first`);
  return view;
}

/** Whether the caller was ever shown the other (and so can address it). */
export function canAddress(caller: Actor, other: Actor): boolean {
  return caller.id === other.id || caller.views.has(other.id);
}

export function inputPeer(caller: Actor, other: Actor, isContact: boolean): TlObject {
  if (caller.id === other.id) return { _: "inputPeerSelf" };
  const view = latestView(caller, other);
  return isContact && view._ === "userContact"
    ? { _: "inputPeerContact", user_id: other.id }
    : { _: "inputPeerForeign", user_id: other.id, access_hash: view.access_hash };
}

export function inputUser(caller: Actor, other: Actor, isContact: boolean): TlObject {
  if (caller.id === other.id) return { _: "inputUserSelf" };
  const view = latestView(caller, other);
  return isContact && view._ === "userContact"
    ? { _: "inputUserContact", user_id: other.id }
    : { _: "inputUserForeign", user_id: other.id, access_hash: view.access_hash };
}
