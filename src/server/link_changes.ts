// Finds which links an action changed (state before vs after) and tells the other party of each
// change with updateContactLink. The actor never gets an update for its own action: the send's
// result carries its changes (layer 3), and an import's result carries the users.
import type { World } from "./context.ts";
import type { LinkChange, LinkDelivery } from "./hooks.ts";
import { linkState, sameLinkState } from "./links.ts";
import { appendUpdate } from "./update_stream.ts";

export type LinkPair = [viewerId: number, otherId: number];

/** Snapshots the links of these pairs; call the returned function after the change. */
export function trackLinks(world: World, pairs: LinkPair[]): () => LinkChange[] {
  const distinct = pairs.filter(([v, o]) => v !== o);
  const before = distinct.map(([v, o]) => linkState(world.store, v, o));
  return () =>
    distinct.flatMap(([viewerId, otherId], i) => {
      const after = linkState(world.store, viewerId, otherId);
      const was = before[i];
      return was && !sameLinkState(was, after) ? [{ viewerId, otherId, before: was, after }] : [];
    });
}

export function deliverLinkChanges(world: World, actorId: number, changes: LinkChange[]): void {
  const deliveries: LinkDelivery[] = changes
    .filter((change) => change.viewerId !== actorId)
    .map((change) => ({ recipientId: change.viewerId, change }));
  for (const { recipientId, change } of world.hooks.linkUpdates(deliveries, { actorId, changes })) {
    const update = {
      _: "updateContactLink",
      user_id: change.otherId,
      my_link: change.after.myLink,
      foreign_link: change.after.foreignLink,
    };
    appendUpdate(world, recipientId, { kind: "link", update }, [change.otherId]);
  }
}

/** Pairs in both directions between one user and others. */
export function pairsBetween(userId: number, others: number[]): LinkPair[] {
  return others.flatMap((other): LinkPair[] => [
    [userId, other],
    [other, userId],
  ]);
}
