// "Every view of every user" (docs/semantics.md, Words): for each user of the scenario, its
// update stream from the start, users.getUsers of everyone it can address, users.getFullUser of
// each, messages.getDialogs and contacts.getContacts. Every answer goes through the automatic
// checks (every User object against the model); the read is kept until a call may have changed
// state, so several Then steps in a row read once. Independent calls go out together.
import { viewReasons } from "../model/index.ts";
import { check, RequirementFailure } from "./failure.ts";
import { describeAllowed } from "./inspect.ts";
import { differenceSince } from "./operations.ts";
import { canAddress } from "./peers.ts";
import type { ConformanceSession } from "./session.ts";
import { objectsOf, type TlObject, usersIn } from "./tl_json.ts";

export interface UserRead {
  difference: TlObject;
  /** users.getUsers of every other user the viewer can address, in `asked` order. */
  users: unknown;
  asked: string[];
  fulls: Map<string, TlObject>;
  dialogs: TlObject;
  contacts: TlObject;
}

export interface View {
  /** The answer and place the view came from, for failure messages. */
  channel: string;
  user: TlObject;
  pointer: string;
}

/** The reads of an epoch, and whom each user could address when its read was made. */
const cache = new WeakMap<
  ConformanceSession,
  { epoch: number; asked: Map<string, string>; reads: Map<string, UserRead> }
>();

async function readUser(session: ConformanceSession, viewer: string): Promise<UserRead> {
  const self = await session.actor(viewer);
  const others = [...session.actors.values()].filter((o) => o.name !== viewer && canAddress(self, o));
  const [difference, users, fulls, dialogs, contacts] = await Promise.all([
    differenceSince(session, viewer, 0),
    others.length === 0
      ? Promise.resolve([])
      : session.rpc(viewer, { _: "users.getUsers", id: others.map((o) => session.user(self, o)) }),
    Promise.all(
      others.map((o) => session.rpc(viewer, { _: "users.getFullUser", id: session.user(self, o) })),
    ),
    session.rpc(viewer, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 }),
    session.rpc(viewer, { _: "contacts.getContacts", hash: "" }),
  ]);
  const asked = others.map((o) => o.name);
  checkAskedUsersListed(session, viewer, asked, users);
  const read: UserRead = {
    difference,
    users,
    asked,
    fulls: new Map(asked.map((name, i) => [name, fulls[i] as TlObject])),
    dialogs,
    contacts,
  };
  checkContactList(session, viewer, contacts);
  return read;
}

/** users.getUsers must answer every user it was asked for. */
function checkAskedUsersListed(
  session: ConformanceSession,
  viewer: string,
  asked: string[],
  users: unknown,
): void {
  const listed = new Set(objectsOf(users).map((u) => u.id));
  for (const owner of asked) {
    const id = session.idOf(owner);
    if (listed.has(id)) continue;
    throw new RequirementFailure(session.pick(viewReasons(session.model, viewer, owner)), {
      subject: `${viewer}'s users.getUsers of ${owner}`,
      expected: describeAllowed(session, viewer, owner),
      actual: `no User for ${owner} (user ${id}) in the answer`,
      pointer: "",
    });
  }
}

/**
 * contacts.getContacts lists exactly the scenario's users the viewer has (imports minus deletes),
 * each `mutual` exactly when that user has the viewer too (CONTACTS-MUTUAL: read in every view,
 * not only where a scenario asks, so a server that marks every contact mutual fails everywhere).
 */
function checkContactList(session: ConformanceSession, viewer: string, contacts: TlObject): void {
  const entries = objectsOf(contacts.contacts);
  const listed = new Set(entries.map((c) => c.user_id));
  for (const owner of session.names()) {
    if (owner === viewer) continue;
    const has = session.model.hasContact(viewer, owner);
    const id = session.idOf(owner);
    const index = entries.findIndex((c) => c.user_id === id);
    const entry = entries[index];
    if (has && entry) checkMutual(session, viewer, owner, entry, index);
    check(listed.has(id) === has, "S2-IMPORT", {
      subject: `${viewer}'s contacts.getContacts`,
      expected: has
        ? `a contact for ${owner} (user ${id}), whom ${viewer} imported`
        : `no contact for ${owner} (user ${id}): ${viewer} ${session.model.history.deleted.has(`${viewer}>${owner}`) ? "deleted" : "never imported"} ${owner}`,
      actual: `contacts ${JSON.stringify([...listed])}`,
      pointer: "/contacts",
    });
  }
}

function checkMutual(
  session: ConformanceSession,
  viewer: string,
  owner: string,
  entry: TlObject,
  index: number,
): void {
  const mutual = session.model.hasContact(owner, viewer);
  check(entry.mutual === mutual, "CONTACTS-MUTUAL", {
    subject: `${viewer}'s contacts.getContacts, the contact for ${owner}`,
    expected: `mutual ${mutual}: ${owner} ${mutual ? "has" : "has not"} ${viewer}'s number`,
    actual: `mutual ${JSON.stringify(entry.mutual)}`,
    pointer: `/contacts/${index}/mutual`,
  });
}

/** Every user's read, made once per epoch of the session's state. */
export async function readAll(session: ConformanceSession): Promise<Map<string, UserRead>> {
  const cached = cache.get(session);
  if (cached && cached.epoch === session.epoch) return cached.reads;
  const names = session.names();
  const asked = new Map(names.map((name) => [name, addressableBy(session, name)]));
  const reads = await Promise.all(names.map((name) => readUser(session, name)));
  const result = new Map(names.map((name, i) => [name, reads[i] as UserRead]));
  cache.set(session, { epoch: session.epoch, asked, reads: result });
  return result;
}

/** Every User object for the owner in the viewer's read, each copy, with where it came from. */
export function viewsIn(session: ConformanceSession, read: UserRead, owner: string): View[] {
  const id = session.idOf(owner);
  const views: View[] = [];
  const collect = (channel: string, answer: unknown, base = "") => {
    for (const { user, pointer } of usersIn(answer)) {
      if (user.id === id) views.push({ channel, user, pointer: `${base}${pointer}` });
    }
  };
  collect("updates.getDifference", read.difference);
  collect("users.getUsers", read.users);
  const full = read.fulls.get(owner);
  if (full) collect("users.getFullUser", full);
  collect("messages.getDialogs", read.dialogs);
  collect("contacts.getContacts", read.contacts);
  return views;
}

/** Whom the viewer may address, as one string. */
function addressableBy(session: ConformanceSession, viewer: string): string {
  const self = session.actors.get(viewer);
  if (!self) return "";
  return [...session.actors.values()]
    .filter((o) => o !== self && canAddress(self, o))
    .map((o) => o.name)
    .join(",");
}

/**
 * What "state unchanged" compares (ERRORS), as every user of the scenario sees it: contacts,
 * update stream length, dialogs, the constructor and phone of each view, and each link.
 */
export async function snapshotState(session: ConformanceSession): Promise<string> {
  // A read teaches each user whom it may address (the Users its answers carry), and the next read
  // asks getFullUser of each of those: the users who learned someone are read again until nobody
  // does, so two snapshots of one state list the same users whatever reads came before them.
  const reads = await readAll(session);
  const cached = cache.get(session);
  for (let round = 0; cached && round < session.names().length; round++) {
    const now = session.names().map((name) => [name, addressableBy(session, name)] as const);
    const stale = now.filter(([name, whom]) => cached.asked.get(name) !== whom).map(([name]) => name);
    if (stale.length === 0) break;
    for (const [name, whom] of now) cached.asked.set(name, whom);
    const again = await Promise.all(stale.map((name) => readUser(session, name)));
    for (const [i, name] of stale.entries()) reads.set(name, again[i] as UserRead);
  }
  const state: Record<string, unknown> = {};
  for (const [viewer, read] of reads) {
    const views = Object.fromEntries(
      session
        .names()
        .filter((o) => o !== viewer)
        .map((o) => [
          o,
          [
            ...new Set(viewsIn(session, read, o).map((v) => `${v.user._}:${String(v.user.phone ?? "")}`)),
          ].sort(),
        ]),
    );
    const links = Object.fromEntries(
      [...read.fulls].map(([o, full]) => [
        o,
        JSON.stringify([(full.link as TlObject)?.my_link, (full.link as TlObject)?.foreign_link]),
      ]),
    );
    state[viewer] = {
      contacts: objectsOf(read.contacts.contacts)
        .map((c) => c.user_id)
        .sort(),
      updates:
        objectsOf(read.difference.new_messages).length + objectsOf(read.difference.other_updates).length,
      dialogs: objectsOf(read.dialogs.dialogs).map(
        (d) => `${JSON.stringify(d.peer)}:${String(d.top_message)}`,
      ),
      views,
      links,
    };
  }
  return JSON.stringify(state);
}
