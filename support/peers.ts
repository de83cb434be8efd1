// How a role addresses another, as a 2013 client did: by id when its latest view of the other is
// userContact, otherwise with the access_hash from that view. Nothing assumes hashes are per user
// or per viewer: the hash used is always the one this caller was given.
import { ScenarioError } from "./failure.ts";
import type { TlObject } from "./tl_json.ts";
import type { Actor } from "./world.ts";

function latestView(caller: Actor, other: Actor): TlObject {
  const view = caller.views.get(other.id);
  if (!view)
    throw new ScenarioError(`${caller.role} has never been shown ${other.role}: set up how they met first`);
  return view;
}

export function inputPeer(caller: Actor, other: Actor): TlObject {
  if (caller.id === other.id) return { _: "inputPeerSelf" };
  const view = latestView(caller, other);
  return view._ === "userContact"
    ? { _: "inputPeerContact", user_id: other.id }
    : { _: "inputPeerForeign", user_id: other.id, access_hash: view.access_hash };
}

export function inputUser(caller: Actor, other: Actor): TlObject {
  if (caller.id === other.id) return { _: "inputUserSelf" };
  const view = latestView(caller, other);
  return view._ === "userContact"
    ? { _: "inputUserContact", user_id: other.id }
    : { _: "inputUserForeign", user_id: other.id, access_hash: view.access_hash };
}
