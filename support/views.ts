// "Every view B gets of A" (docs/semantics.md): the users of B's getDifference, users.getUsers,
// users.getFullUser (its user and its link's user) and the users of getDialogs.
import { differenceSince } from "./actions.ts";
import { inputUser } from "./peers.ts";
import type { Role } from "./spec_oracle.ts";
import { isTlObject, type TlObject, userById } from "./tl_json.ts";
import type { ConformanceWorld } from "./world.ts";

export interface View {
  /** The method and the place the view came from, for failure messages. */
  channel: string;
  /** Undefined when the answer mentions the owner yet its users vector leaves the owner out. */
  user: TlObject | undefined;
  pointer: string;
}

/**
 * Whether an answer's messages, dialogs or updates name the user: as a message's sender or
 * private peer, a dialog's peer, or the other side of an updateContactLink. The binding requires
 * `users` to hold "every user those mention", so a view of the owner must be there too.
 */
function mentions(answer: TlObject, userId: number): boolean {
  const isUserPeer = (peer: unknown) => isTlObject(peer) && peer._ === "peerUser" && peer.user_id === userId;
  const lists = [answer.new_messages, answer.messages, answer.dialogs, answer.other_updates];
  return lists.some(
    (list) =>
      Array.isArray(list) &&
      list.some(
        (item) =>
          isTlObject(item) &&
          (item.from_id === userId ||
            isUserPeer(item.to_id) ||
            isUserPeer(item.peer) ||
            (item._ === "updateContactLink" && item.user_id === userId)),
      ),
  );
}

export async function viewsOf(world: ConformanceWorld, viewer: Role, owner: Role): Promise<View[]> {
  const [self, other] = [await world.actor(viewer), await world.actor(owner)];
  const views: View[] = [];
  const listed = (channel: string, answer: TlObject, base: string) => {
    const found = userById(answer.users, other.id);
    if (found) views.push({ channel, user: found.user, pointer: `${base}/${found.index}` });
    else if (mentions(answer, other.id)) views.push({ channel, user: undefined, pointer: base });
  };
  const difference = await differenceSince(world, viewer, 0);
  listed("updates.getDifference", difference, "/users");
  const users = await world.rpc(viewer, { _: "users.getUsers", id: [inputUser(self, other)] });
  // The request named the owner: its answer must hold the owner.
  const got = userById(users, other.id);
  views.push({ channel: "users.getUsers", user: got?.user, pointer: got ? `/${got.index}` : "" });
  const full = await world.rpc(viewer, { _: "users.getFullUser", id: inputUser(self, other) });
  if (isTlObject(full.user)) views.push({ channel: "users.getFullUser", user: full.user, pointer: "/user" });
  const link = full.link;
  if (isTlObject(link) && isTlObject(link.user)) {
    views.push({ channel: "users.getFullUser link", user: link.user, pointer: "/link/user" });
  }
  const dialogs = await world.rpc(viewer, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 });
  listed("messages.getDialogs", dialogs, "/users");
  return views;
}

/** The link users.getFullUser gives viewer for owner. */
export async function linkOf(world: ConformanceWorld, viewer: Role, owner: Role): Promise<TlObject> {
  const [self, other] = [await world.actor(viewer), await world.actor(owner)];
  const full = await world.rpc(viewer, { _: "users.getFullUser", id: inputUser(self, other) });
  return full.link as TlObject;
}
