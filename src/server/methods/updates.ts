// updates.getState / getDifference. A difference holds at most differencePageSize updates and
// mentions at most that many users; when more remain it is an updates.differenceSlice, whose
// intermediate_state.pts the client passes to the next getDifference (docs/binding.md).
import type { CallContext } from "../context.ts";
import { renderChats, renderMessage, renderUsers, usersOfMessage } from "../render.ts";
import type { Box, StoredMessage, UpdateEntry } from "../store/index.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

interface Item {
  pts: number;
  /** The message of a message entry, when the box still keeps it. */
  message?: StoredMessage;
  update?: TlObject;
  userIds: number[];
}

function state(box: Box | undefined, pts = box?.pts ?? 0): TlObject {
  // This server moves seq with pts, one step per update, so an earlier state's seq is its pts.
  return { _: "updates.state", pts, date: now(), seq: pts, unread_count: box?.unread ?? 0 };
}

function itemOf(ctx: CallContext, self: number, box: Box, entry: UpdateEntry): Item {
  if (entry.kind === "link") return { pts: entry.pts, update: entry.update, userIds: [entry.userId] };
  const message = box.messages.get(entry.messageId);
  // A message the box no longer keeps leaves its pts in the stream and nothing else.
  if (!message) return { pts: entry.pts, userIds: [] };
  return { pts: entry.pts, message, userIds: usersOfMessage(ctx, self, message) };
}

/** The next entries after `pts`, stopping early once they mention more users than a page holds. */
function page(ctx: CallContext, self: number, box: Box, pts: number): Item[] {
  const size = ctx.state.limits.differencePageSize;
  const items: Item[] = [];
  const users = new Set<number>();
  for (const entry of box.updates.after(pts, size)) {
    const item = itemOf(ctx, self, box, entry);
    for (const id of item.userIds) users.add(id);
    if (users.size > size && items.length > 0) break;
    items.push(item);
  }
  return items;
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
      const items = box ? page(ctx, self, box, call.pts as number) : [];
      const last = items.at(-1);
      if (!box || !last) return { _: "updates.differenceEmpty", date: now(), seq: box?.seq ?? 0 };
      const messages = items.flatMap((item) => (item.message ? [item.message] : []));
      const body = {
        new_messages: messages.map((m) => renderMessage(self, m)),
        other_updates: items.flatMap((item) => (item.update ? [item.update] : [])),
        chats: renderChats(
          ctx.state,
          messages.flatMap((m) => ("chat" in m.peer ? [m.peer.chat] : [])),
        ),
        users: renderUsers(
          ctx.state,
          self,
          items.flatMap((item) => item.userIds),
        ),
      };
      return last.pts < box.pts
        ? { _: "updates.differenceSlice", ...body, intermediate_state: state(box, last.pts) }
        : { _: "updates.difference", ...body, state: state(box) };
    },
  },
};
