// updates.getState / getDifference. A difference holds at most differencePageSize updates and
// mentions at most that many users; when more remain it is an updates.differenceSlice, whose
// intermediate_state.pts the client passes to the next getDifference (docs/binding.md).
import type { CallContext } from "../context.ts";
import { renderChats, renderMessage, renderUsers } from "../render.ts";
import type { Box, StoredMessage, UpdateEntry } from "../store/index.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

function state(box: Box | undefined, pts = box?.pts ?? 0): TlObject {
  // This server moves seq with pts, one step per update, so an earlier state's seq is its pts.
  return { _: "updates.state", pts, date: now(), seq: pts, unread_count: box?.unread ?? 0 };
}

/** The entries of one page: the next ones after `pts`, stopping early at the users bound. */
function page(ctx: CallContext, box: Box, pts: number): UpdateEntry[] {
  const size = ctx.state.limits.differencePageSize;
  const entries = box.updates.after(pts, size);
  const users = new Set<number>();
  for (const [i, entry] of entries.entries()) {
    for (const id of entry.userIds) users.add(id);
    if (users.size > size && i > 0) return entries.slice(0, i);
  }
  return entries;
}

export const UPDATE_METHODS: MethodTable = {
  "updates.getState": {
    needsAccount: true,
    handle: (ctx) => state(ctx.state.store.box(accountOf(ctx))),
  },
  "updates.getDifference": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const box = ctx.state.store.box(self);
      const entries = box ? page(ctx, box, call.pts as number) : [];
      const last = entries.at(-1);
      if (!box || !last) return { _: "updates.differenceEmpty", date: now(), seq: box?.seq ?? 0 };
      const messages: StoredMessage[] = [];
      const otherUpdates: TlObject[] = [];
      const userIds: number[] = [];
      for (const entry of entries) {
        if (entry.kind === "message") {
          const message = box.messages.get(entry.messageId);
          if (message) messages.push(message);
        } else {
          otherUpdates.push(entry.update);
        }
        userIds.push(...entry.userIds);
      }
      const body = {
        new_messages: messages.map((m) => renderMessage(self, m)),
        other_updates: otherUpdates,
        chats: renderChats(
          ctx.state,
          messages.flatMap((m) => ("chat" in m.peer ? [m.peer.chat] : [])),
        ),
        users: renderUsers(ctx.state, self, userIds),
      };
      return last.pts < box.pts
        ? { _: "updates.differenceSlice", ...body, intermediate_state: state(box, last.pts) }
        : { _: "updates.difference", ...body, state: state(box) };
    },
  },
};
