// Each account's update stream. An entry keeps the users as the owner saw them when it was
// appended, as a pushed update would carry them: a link that changed after delivery cannot
// make an old delivery look as if it had carried the change.
import type { World } from "./context.ts";
import { renderUser } from "./render.ts";
import type { UpdateEntry } from "./store.ts";
import type { TlObject } from "./tl_values.ts";

type NewEntry = { kind: "message"; messageId: number } | { kind: "link"; update: TlObject };

export function appendUpdate(world: World, ownerId: number, entry: NewEntry, userIds: number[]): number {
  const box = world.store.box(ownerId);
  box.pts += 1;
  box.seq += 1;
  const users = new Map<number, TlObject>();
  for (const id of userIds) users.set(id, renderUser(world, ownerId, id));
  box.updates.push({ ...entry, pts: box.pts, users } as UpdateEntry);
  return box.pts;
}
