// What "state unchanged" compares: the role's contacts, its update stream position and its
// dialogs: everything a rejected import, send or sign-in could have touched.
import { ptsOf } from "./actions.ts";
import type { Role } from "./spec_oracle.ts";
import { isTlObject } from "./tl_json.ts";
import type { ConformanceWorld } from "./world.ts";

export async function snapshotState(world: ConformanceWorld, role: Role): Promise<string> {
  const contacts = await world.rpc(role, { _: "contacts.getContacts", hash: "" });
  const ids = (Array.isArray(contacts.contacts) ? contacts.contacts.filter(isTlObject) : [])
    .map((c) => c.user_id)
    .sort();
  const dialogs = await world.rpc(role, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 });
  const tops = (Array.isArray(dialogs.dialogs) ? dialogs.dialogs.filter(isTlObject) : []).map(
    (d) => d.top_message,
  );
  return JSON.stringify({ contacts: ids, pts: await ptsOf(world, role), dialogs: tops });
}
