// messages.getDialogs, from the box's dialog index: the cost follows the number of dialogs and the
// answer's size, never the number of messages kept.
import { renderChats, renderMessage, renderPeer, renderUsers, usersOfMessage } from "../render.ts";
import { accountOf, type MethodTable } from "./handler.ts";

export const DIALOG_METHODS: MethodTable = {
  "messages.getDialogs": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const box = ctx.state.store.box(self);
      const most = ctx.state.limits.maxDialogs;
      // A limit of 0 (or less) asks for the default, the most the server gives.
      const asked = call.limit as number;
      const limit = asked > 0 ? Math.min(asked, most) : most;
      const offset = Math.max(0, call.offset as number);
      const recentFirst = [...(box?.dialogs.values() ?? [])].reverse();
      const tops = recentFirst.slice(offset, offset + limit);
      const messages = tops.map((dialog) => dialog.top);
      return {
        _: "messages.dialogs",
        dialogs: tops.map(({ top, unread }) => ({
          _: "dialog",
          peer: renderPeer(top.peer),
          top_message: top.id,
          unread_count: unread,
        })),
        messages: messages.map((m) => renderMessage(self, m)),
        chats: renderChats(
          ctx.state,
          messages.flatMap((m) => ("chat" in m.peer ? [m.peer.chat] : [])),
        ),
        users: renderUsers(
          ctx.state,
          self,
          messages.flatMap((m) => usersOfMessage(ctx, self, m)),
        ),
      };
    },
  },
};
