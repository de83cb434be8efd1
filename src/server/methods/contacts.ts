// contacts.importContacts / getContacts / deleteContact(s): the C(U,O) side of the link table.
import type { CallContext } from "../context.ts";
import { deliverLinkChanges, pairsBetween, trackLinks } from "../link_changes.ts";
import { resolveInputUser } from "../peers.ts";
import { renderLink, renderUsers } from "../render.ts";
import { badRequest } from "../rpc_error.ts";
import type { Store } from "../store/index.ts";
import type { TlObject } from "../tl_values.ts";
import { accountOf, type MethodTable } from "./handler.ts";
import { normalisePhone } from "./phone.ts";

function changeContacts(
  ctx: CallContext,
  others: number[],
  apply: (store: Store, self: number) => void,
): void {
  const self = accountOf(ctx);
  const changes = trackLinks(ctx.state, pairsBetween(self, others));
  apply(ctx.state.store, self);
  deliverLinkChanges(ctx.state, self, changes(), undefined);
}

export const CONTACT_METHODS: MethodTable = {
  "contacts.importContacts": {
    needsAccount: true,
    handle(ctx, call) {
      const self = accountOf(ctx);
      const { store, limits } = ctx.state;
      const imported: TlObject[] = [];
      const ids = new Set<number>();
      for (const input of call.contacts as TlObject[]) {
        const account = store.accountByPhone.get(normalisePhone(input.phone));
        if (account && account.id !== self) {
          imported.push({ _: "importedContact", user_id: account.id, client_id: input.client_id });
          ids.add(account.id);
        }
      }
      const contacts = store.accounts.get(self)?.contacts ?? new Set();
      const added = [...ids].filter((id) => !contacts.has(id)).length;
      if (contacts.size + added > limits.maxContactsPerAccount) {
        throw badRequest("CONTACTS_TOO_MUCH", `at most ${limits.maxContactsPerAccount} contacts per account`);
      }
      changeContacts(ctx, [...ids], (s) => {
        for (const id of ids) s.addContact(self, id);
      });
      const { reveal, forget } = ctx.state.relations;
      ctx.state.hooks.afterImport({ importerId: self, importedIds: [...ids], reveal, forget });
      return { _: "contacts.importedContacts", imported, users: renderUsers(ctx.state, self, ids) };
    },
  },
  "contacts.getContacts": {
    needsAccount: true,
    handle(ctx) {
      const self = accountOf(ctx);
      const { store } = ctx.state;
      const ids = [...(store.accounts.get(self)?.contacts ?? [])];
      const contacts = ids.map((id) => ({ _: "contact", user_id: id, mutual: store.hasContact(id, self) }));
      return { _: "contacts.contacts", contacts, users: renderUsers(ctx.state, self, ids) };
    },
  },
  "contacts.deleteContact": {
    needsAccount: true,
    handle(ctx, call) {
      const id = resolveInputUser(ctx, call.id as TlObject);
      changeContacts(ctx, [id], (s, self) => s.removeContact(self, id));
      return renderLink(ctx.state, accountOf(ctx), id);
    },
  },
  "contacts.deleteContacts": {
    needsAccount: true,
    handle(ctx, call) {
      const ids = [...new Set((call.id as TlObject[]).map((input) => resolveInputUser(ctx, input)))];
      changeContacts(ctx, ids, (s, self) => {
        for (const id of ids) s.removeContact(self, id);
      });
      return true;
    },
  },
};
