// Finds which links an action changed (state before vs after) and tells the other party of each
// change with updateContactLink. The actor never gets an update for its own action: the send's
// result carries its changes (layer 3), and an import's result carries the users.
import type { LinkChange, LinkDelivery } from "./hooks.ts";
import { linkState, sameLinkState } from "./links.ts";
import type { ServerState } from "./state.ts";

export type LinkPair = [viewerId: number, otherId: number];

/** Snapshots the links of these pairs; call the returned function after the change. */
export function trackLinks(state: ServerState, pairs: LinkPair[]): () => LinkChange[] {
  const distinct = pairs.filter(([v, o]) => v !== o);
  const before = distinct.map(([v, o]) => linkState(state.store, v, o));
  return () =>
    distinct.flatMap(([viewerId, otherId], i) => {
      const after = linkState(state.store, viewerId, otherId);
      const was = before[i];
      return was && !sameLinkState(was, after) ? [{ viewerId, otherId, before: was, after }] : [];
    });
}

/** `method`: the send that made the changes, undefined for any other action. */
export function deliverLinkChanges(
  state: ServerState,
  actorId: number,
  changes: LinkChange[],
  method: string | undefined,
): void {
  const deliveries: LinkDelivery[] = changes
    .filter((change) => change.viewerId !== actorId)
    .map((change) => ({ recipientId: change.viewerId, change }));
  for (const { recipientId, change } of state.hooks.linkUpdates(deliveries, { actorId, changes, method })) {
    const update = {
      _: "updateContactLink",
      user_id: change.otherId,
      my_link: change.after.myLink,
      foreign_link: change.after.foreignLink,
    };
    state.store.box(recipientId)?.addUpdate({ kind: "link", update, userId: change.otherId });
  }
}

/** Pairs in both directions between one user and others. */
export function pairsBetween(userId: number, others: number[]): LinkPair[] {
  return others.flatMap((other): LinkPair[] => [
    [userId, other],
    [other, userId],
  ]);
}
