// contacts.importContacts / getContacts / deleteContact(s): the C(U,O) side of the link table.
import type { CallContext } from "../context.ts";
import { deliverLinkChanges, pairsBetween, trackLinks } from "../link_changes.ts";
import { resolveInputUser } from "../peers.ts";
import { renderLink, renderUsers } from "../render.ts";
import type { TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";

function changeContacts(ctx: CallContext, others: number[], apply: (contacts: Set<number>) => void): void {
  const self = accountOf(ctx);
  const account = ctx.world.store.accounts.get(self);
  if (!account) return;
  const changes = trackLinks(ctx.world, pairsBetween(self, others));
  apply(account.contacts);
  deliverLinkChanges(ctx.world, self, changes());
}

export const CONTACT_METHODS: MethodTable = {
  "contacts.importContacts": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const { store } = ctx.world;
      const imported: TlObject[] = [];
      for (const input of call.contacts as TlObject[]) {
        const phone = String(input.phone).replace(/[\s+()-]/g, "");
        const account = store.accountByPhone.get(phone);
        if (account && account.id !== self) {
          imported.push({ _: "importedContact", user_id: account.id, client_id: input.client_id });
        }
      }
      const ids = imported.map((i) => i.user_id as number);
      changeContacts(ctx, ids, (contacts) => {
        for (const id of ids) contacts.add(id);
      });
      ctx.world.hooks.afterImport({
        importerId: self,
        importedIds: ids,
        reveal: (v, o) => store.reveal(v, o),
      });
      return { _: "contacts.importedContacts", imported, users: renderUsers(ctx.world, self, ids) };
    },
  },
  "contacts.getContacts": {
    needsAccount: true,
    handle(ctx) {
      const self = accountOf(ctx);
      const { store } = ctx.world;
      const ids = [...(store.accounts.get(self)?.contacts ?? [])];
      const contacts = ids.map((id) => ({ _: "contact", user_id: id, mutual: store.hasContact(id, self) }));
      return { _: "contacts.contacts", contacts, users: renderUsers(ctx.world, self, ids) };
    },
  },
  "contacts.deleteContact": {
    needsAccount: true,
    handle(ctx, call) {
      const id = resolveInputUser(ctx, call.id as TlObject);
      changeContacts(ctx, [id], (contacts) => contacts.delete(id));
      return renderLink(ctx.world, accountOf(ctx), id);
    },
  },
  "contacts.deleteContacts": {
    needsAccount: true,
    handle(ctx, call) {
      const ids = (call.id as TlObject[]).map((input) => resolveInputUser(ctx, input));
      changeContacts(ctx, ids, (contacts) => {
        for (const id of ids) contacts.delete(id);
      });
      return true;
    },
  },
};
