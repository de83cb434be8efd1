// Each account's update stream. An entry keeps the ids of the users it mentions; getDifference
// renders them as the owner sees them when it asks, so every view is the current one.
import type { World } from "./context.ts";
import type { UpdateEntry } from "./store.ts";
import type { TlObject } from "./tl_values.ts";

type NewEntry = { kind: "message"; messageId: number } | { kind: "link"; update: TlObject };

export function appendUpdate(world: World, ownerId: number, entry: NewEntry, userIds: number[]): number {
  const box = world.store.box(ownerId);
  box.pts += 1;
  box.seq += 1;
  box.updates.push({ ...entry, pts: box.pts, userIds } as UpdateEntry);
  return box.pts;
}
