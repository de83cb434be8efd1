// The deviations of the cell mutants (test/mutants/cell_mutants.ts) that a send in the cell sets
// off and that show later, in views: the send marks the pairs it is about, and a render or
// response hook deviates for those pairs from then on. `inCell` says whether the send being
// served is in the cell; it holds inside the reveal hook, where the marks are made.
import { type ServerHooks, SPEC_HOOKS, type TlObject } from "../../src/server/index.ts";
import { everyObject } from "./rewrite.ts";

export type Breaker = (inCell: () => boolean) => Partial<ServerHooks>;

/** Ordered pairs (viewer, other) of account ids. */
function pairs() {
  const marked = new Set<string>();
  return {
    add: (viewer: number, other: number) => marked.add(`${viewer}>${other}`),
    has: (viewer: unknown, other: unknown) => marked.has(`${viewer}>${other}`),
    get empty() {
      return marked.size === 0;
    },
  };
}

/** The spec's reveal, then `mark` for a send in the cell. */
function revealThenMark(
  inCell: () => boolean,
  mark: (c: Parameters<ServerHooks["revealOnMessage"]>[0]) => void,
): Pick<ServerHooks, "revealOnMessage"> {
  return {
    revealOnMessage(c) {
      SPEC_HOOKS.revealOnMessage(c);
      if (inCell()) mark(c);
    },
  };
}

/** Turns a userRequest object, in place, into the userForeign its viewer saw before the reveal. */
function staleInPlace(o: TlObject): void {
  if (o._ !== "userRequest") return;
  o._ = "userForeign";
  delete o.phone;
}

/**
 * S1-BEFORE-SEND: the send shows the user its check revealed as that user stood before the check.
 * The receiver's updates.getDifference (the update that delivers the message) carries the sender
 * as it was; the sender's own result carries the peer as it was.
 */
export const beforeTheCheck: Breaker = (inCell) => {
  const delivered = pairs();
  return {
    ...revealThenMark(inCell, (c) => delivered.add(c.peerId, c.senderId)),
    sendResult(_plain, c, standard) {
      const result = standard();
      if (!inCell()) return result;
      const revealed = new Set(
        c.changes.filter((ch) => ch.before.userKind === "userForeign").map((ch) => ch.otherId),
      );
      return everyObject(result, (o) => {
        if (revealed.has(o.id as number)) staleInPlace(o);
      }) as TlObject;
    },
    response(body, c) {
      if (c.method !== "updates.getDifference" || delivered.empty) return body;
      const users = (body as TlObject).users;
      if (!Array.isArray(users)) return body;
      const stale = (u: TlObject) =>
        delivered.has(c.accountId, u.id) ? (everyObject(u, staleInPlace) as TlObject) : u;
      return { ...(body as TlObject), users: (users as TlObject[]).map(stale) };
    },
  };
};

/**
 * S3-STABLE: between mutual contacts, the send makes its receiver see the sender as userRequest
 * from then on (a reveal that overrides the contact), though both still have each other's number.
 */
export const demotesTheContact: Breaker = (inCell) => {
  const demoted = pairs();
  return {
    ...revealThenMark(inCell, (c) => {
      if (c.hasContact(c.senderId, c.peerId) && c.hasContact(c.peerId, c.senderId))
        demoted.add(c.peerId, c.senderId);
    }),
    renderUser: (user, c) =>
      user._ === "userContact" && demoted.has(c.viewerId, c.userId) ? { ...user, _: "userRequest" } : user,
  };
};

/** CONTACTS-MUTUAL: after the send, each party's contacts.getContacts says the opposite `mutual` of the other. */
export const flipsMutual: Breaker = (inCell) => {
  const flipped = pairs();
  return {
    ...revealThenMark(inCell, (c) => {
      flipped.add(c.senderId, c.peerId);
      flipped.add(c.peerId, c.senderId);
    }),
    response(body, c) {
      if (c.method !== "contacts.getContacts" || flipped.empty) return body;
      return everyObject(body, (o) => {
        if (o._ === "contact" && flipped.has(c.accountId, o.user_id)) o.mutual = !o.mutual;
      });
    },
  };
};

/**
 * LINK-VALUES: after the send, whichever of the two has the other's number is shown its link to
 * the other (in the send result and in users.getFullUser) with myLinkContact where the table says
 * myLinkRequested(contact=true). The one-liners allow both ("The current user added a user to his
 * contact list"), so only the table's SHOULD can tell.
 */
export const myLinkContactForRequested: Breaker = (inCell) => {
  const holders = pairs();
  return {
    ...revealThenMark(inCell, (c) => {
      if (c.hasContact(c.senderId, c.peerId)) holders.add(c.senderId, c.peerId);
      else if (c.hasContact(c.peerId, c.senderId)) holders.add(c.peerId, c.senderId);
    }),
    response(body, c) {
      if (holders.empty) return body;
      return everyObject(body, (o) => {
        const my = o.my_link as TlObject | undefined;
        if (o._ !== "contacts.link" || my?._ !== "contacts.myLinkRequested" || my.contact !== true) return;
        if (holders.has(c.accountId, (o.user as TlObject | undefined)?.id))
          o.my_link = { _: "contacts.myLinkContact" };
      });
    },
  };
};
