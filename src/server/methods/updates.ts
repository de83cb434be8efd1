// updates.getState / getDifference. A difference holds at most differencePageSize updates and
// mentions at most that many users; when more remain it is an updates.differenceSlice, whose
// intermediate_state.pts the client passes to the next getDifference (docs/binding.md).
import type { CallContext } from "../context.ts";
import { directUsersOf, membersOf, renderChats, renderMessage, renderUsers } from "../render.ts";
import type { Box, StoredMessage, UpdateEntry } from "../store/index.ts";
import { now, type TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

interface Page {
  messages: StoredMessage[];
  updates: TlObject[];
  users: Set<number>;
  chats: Set<number>;
  /** The pts of the page's last entry. */
  lastPts: number;
}

function state(box: Box | undefined, pts = box?.pts ?? 0): TlObject {
  // This server moves seq with pts, one step per update, so an earlier state's seq is its pts.
  return { _: "updates.state", pts, date: now(), seq: pts, unread_count: box?.unread ?? 0 };
}

/** The users an entry brings into the page; a chat's members come once per page. */
function usersOf(ctx: CallContext, self: number, box: Box, entry: UpdateEntry, page: Page): number[] {
  if (entry.kind === "link") return [entry.userId];
  // A message the box no longer keeps leaves its pts in the stream and nothing else.
  const message = box.messages.get(entry.messageId);
  if (!message) return [];
  const ids = directUsersOf(ctx.state, self, message);
  if ("chat" in message.peer && !page.chats.has(message.peer.chat))
    ids.push(...membersOf(ctx.state, message.peer.chat));
  return ids;
}

/** The next entries after `pts`, stopping early once they mention more users than a page holds. */
function page(ctx: CallContext, self: number, box: Box, pts: number): Page {
  const size = ctx.state.limits.differencePageSize;
  const page: Page = { messages: [], updates: [], users: new Set(), chats: new Set(), lastPts: pts };
  for (const entry of box.updates.after(pts, size)) {
    const ids = usersOf(ctx, self, box, entry, page);
    const fresh = ids.filter((id) => !page.users.has(id));
    if (page.users.size + new Set(fresh).size > size && page.lastPts > pts) break;
    for (const id of fresh) page.users.add(id);
    page.lastPts = entry.pts;
    if (entry.kind === "link") page.updates.push(entry.update);
    const message = entry.kind === "message" ? box.messages.get(entry.messageId) : undefined;
    if (message) page.messages.push(message);
    if (message && "chat" in message.peer) page.chats.add(message.peer.chat);
  }
  return page;
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
      const from = call.pts as number;
      const found = box ? page(ctx, self, box, from) : undefined;
      if (!box || !found || found.lastPts === from) {
        return { _: "updates.differenceEmpty", date: now(), seq: box?.seq ?? 0 };
      }
      const new_messages = found.messages.map((m) => renderMessage(self, m));
      const chats = renderChats(ctx.state, found.chats);
      const users = renderUsers(ctx.state, self, found.users);
      const other_updates = found.updates;
      return found.lastPts < box.pts
        ? {
            _: "updates.differenceSlice",
            new_messages,
            other_updates,
            chats,
            users,
            intermediate_state: state(box, found.lastPts),
          }
        : { _: "updates.difference", new_messages, other_updates, chats, users, state: state(box) };
    },
  },
};
