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
  user: TlObject;
  pointer: string;
}

export async function viewsOf(world: ConformanceWorld, viewer: Role, owner: Role): Promise<View[]> {
  const [self, other] = [await world.actor(viewer), await world.actor(owner)];
  const views: View[] = [];
  const listed = (channel: string, users: unknown, base: string) => {
    const found = userById(users, other.id);
    if (found) views.push({ channel, user: found.user, pointer: `${base}/${found.index}` });
  };
  const difference = await differenceSince(world, viewer, 0);
  listed("updates.getDifference", difference.users, "/users");
  const users = await world.rpc(viewer, { _: "users.getUsers", id: [inputUser(self, other)] });
  listed("users.getUsers", users, "");
  const full = await world.rpc(viewer, { _: "users.getFullUser", id: inputUser(self, other) });
  if (isTlObject(full.user)) views.push({ channel: "users.getFullUser", user: full.user, pointer: "/user" });
  const link = full.link;
  if (isTlObject(link) && isTlObject(link.user)) {
    views.push({ channel: "users.getFullUser link", user: link.user, pointer: "/link/user" });
  }
  const dialogs = await world.rpc(viewer, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 });
  listed("messages.getDialogs", dialogs.users, "/users");
  return views;
}

/** The link users.getFullUser gives viewer for owner. */
export async function linkOf(world: ConformanceWorld, viewer: Role, owner: Role): Promise<TlObject> {
  const [self, other] = [await world.actor(viewer), await world.actor(owner)];
  const full = await world.rpc(viewer, { _: "users.getFullUser", id: inputUser(self, other) });
  return full.link as TlObject;
}
