// users.getUsers / users.getFullUser: the views the link table decides.
import { resolveInputUser } from "../peers.ts";
import { renderLink, renderUser } from "../render.ts";
import type { TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

export const USER_METHODS: MethodTable = {
  "users.getUsers": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      return (call.id as TlObject[]).map((input) =>
        renderUser(ctx.state, self, resolveInputUser(ctx, input)),
      );
    },
  },
  "users.getFullUser": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const id = resolveInputUser(ctx, call.id as TlObject);
      const account = ctx.state.store.accounts.get(id);
      const link = renderLink(ctx.state, self, id);
      return {
        _: "userFull",
        user: link.user,
        link,
        profile_photo: { _: "photoEmpty", id: "0" },
        notify_settings: { _: "peerNotifySettingsEmpty" },
        blocked: false,
        real_first_name: account?.firstName ?? "",
        real_last_name: account?.lastName ?? "",
      };
    },
  },
};
