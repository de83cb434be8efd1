// Mutants grown along the grid (docs/requirements.md, "The grid"): each breaks one cell only —
// one send kind, one layer, one view, one place of a result, one writing of a phone — so that a
// suite whose checks bite only where an older mutant pointed them fails to kill it.
import type { ServerHooks, TlObject } from "../../src/server/index.ts";
import { withLinks } from "../../src/server/index.ts";
import { hooked, proxiedFresh, type StartTarget } from "../servers.ts";
import type { Mutant } from "./catalogue.ts";
import type { Exchange } from "./proxy.ts";
import { asForeign, everyObject, linkOf } from "./rewrite.ts";

/** What the request being served is, as the mutant's own request hook saw it. */
export interface Current {
  method: string;
  layer: number;
  media: string | undefined;
}

/**
 * A hooked server whose hooks can ask which request is being served. Every hook runs inside the
 * request's synchronous section, after `request`, so the note is exact.
 */
export function tracking(make: (now: () => Current) => Partial<ServerHooks>): StartTarget {
  return hooked(() => {
    let current: Current = { method: "?", layer: 1, media: undefined };
    const hooks = make(() => current);
    return {
      ...hooks,
      request(call, context) {
        const c = call as TlObject;
        const media = typeof c.media === "object" && c.media !== null ? (c.media as TlObject)._ : undefined;
        current = { method: String(c._), layer: context.layer, media };
        return hooks.request ? hooks.request(call, context) : call;
      },
    };
  });
}

/** A reveal rule that skips the sends for which `skip` holds, and is the spec's otherwise. */
function revealUnless(skip: (now: Current, senderHolds: boolean) => boolean): StartTarget {
  return tracking((now) => ({
    revealOnMessage(c) {
      if (skip(now(), c.hasContact(c.senderId, c.peerId))) return;
      if (c.hasContact(c.senderId, c.peerId)) c.reveal(c.peerId, c.senderId);
      if (c.hasContact(c.peerId, c.senderId)) c.reveal(c.senderId, c.peerId);
    },
  }));
}

const stale = (u: unknown) =>
  (u as TlObject | undefined)?._ === "userRequest" ? asForeign(u as TlObject) : u;
const staleAll = (list: unknown) => (Array.isArray(list) ? list.map(stale) : list);

/** The answers to one method with revealed (userRequest) users shown as strangers where `edit` says. */
function staleViews(method: string, edit: (body: TlObject) => TlObject): StartTarget {
  return hooked(() => ({
    response: (body, c) =>
      c.method !== method || typeof body !== "object" || body === null
        ? body
        : edit(structuredClone(body) as TlObject),
  }));
}

/** Learns each account's phone from its own sign-up answer (userSelf), for mutants that leak it. */
function phoneBook(): { learn(body: unknown): void; of(id: unknown): string | undefined } {
  const phones = new Map<unknown, string>();
  return {
    learn(body) {
      everyObject(body, (o) => {
        if (o._ === "userSelf") phones.set(o.id, String(o.phone));
      });
    },
    of: (id) => phones.get(id),
  };
}

/** A phone written as +999 66 1 2345. */
export const spaced = (phone: string) =>
  `+${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5, 6)} ${phone.slice(6)}`;
const isSendMethod = (method: string) => /^messages\.(send|forward)/.test(method);

/** A refused call of `method` is answered as `retry` would be, instead of refused. */
function acceptsRefused(method: string, retry: (call: TlObject) => TlObject): StartTarget {
  return hooked(() => ({
    refused: (error, c) =>
      c.method === method && /^(PEER_ID_INVALID|USER_ID_INVALID)$/.test(error.error_message)
        ? c.retry(retry(c.call))
        : error,
  }));
}

/**
 * A server that reveals by the spec's rule but keeps a list of what it revealed, and takes the
 * reveals to a viewer back after the calls for which `forgets` holds.
 */
function revealsLostAfter(forgets: (method: string, call: TlObject, viewer: number) => boolean): StartTarget {
  return hooked(() => {
    const revealed = new Set<string>();
    return {
      revealOnMessage(c) {
        for (const [holder, other] of [
          [c.senderId, c.peerId],
          [c.peerId, c.senderId],
        ] as const) {
          if (!c.hasContact(holder, other)) continue;
          c.reveal(other, holder);
          revealed.add(`${other}>${holder}`);
        }
      },
      afterCall(c) {
        const viewer = c.accountId;
        if (viewer === undefined || !forgets(c.method, c.call, viewer)) return;
        for (const pair of [...revealed]) {
          const [v, owner] = pair.split(">").map(Number) as [number, number];
          if (v !== viewer) continue;
          c.forget(v, owner);
          revealed.delete(pair);
        }
      },
    };
  });
}

const deletedIds = (call: TlObject) =>
  ((Array.isArray(call.id) ? call.id : [call.id]) as TlObject[]).map((input) => input.user_id);

export const GRID_MUTANTS: Mutant[] = [
  {
    name: "no-reveal-by-card",
    deviation:
      "a contact card (sendMedia with inputMediaContact) reveals nothing; every other send kind does",
    target: "S1-REVEAL",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.method === "messages.sendMedia" && now.media === "inputMediaContact"),
  },
  {
    name: "no-reveal-by-geo",
    deviation: "a geo point (sendMedia with inputMediaGeoPoint) reveals nothing; every other send kind does",
    target: "S1-REVEAL",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.method === "messages.sendMedia" && now.media === "inputMediaGeoPoint"),
  },
  {
    name: "no-reveal-by-forwardMessage",
    deviation: "messages.forwardMessage reveals nothing; every other send kind does",
    target: "S1-REVEAL-REVERSE",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.method === "messages.forwardMessage"),
  },
  {
    name: "no-reveal-by-forwardMessages",
    deviation: "messages.forwardMessages reveals nothing; every other send kind does",
    target: "S1-REVEAL",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.method === "messages.forwardMessages"),
  },
  {
    name: "no-reveal-at-layer-2",
    deviation: "a send declared at layer 2 reveals nothing; layers 1 and 3 do",
    target: "S1-REVEAL",
    fails: ["S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.layer === 2),
  },
  {
    name: "no-reveal-at-layer-3",
    deviation: "a send declared at layer 3 reveals nothing; layers 1 and 2 do",
    target: "S1-REVEAL-REVERSE",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now) => now.layer === 3),
  },
  {
    name: "no-reverse-reveal-by-sendMessage",
    deviation: "a sendMessage from the user who lacks the other's number reveals nothing; other kinds do",
    target: "S1-REVEAL-REVERSE",
    fails: ["L3-LINKS-IN-RESULT", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: revealUnless((now, senderHolds) => now.method === "messages.sendMessage" && !senderHolds),
  },
  {
    name: "stale-view-in-getFullUser",
    deviation: "users.getFullUser's user shows a revealed user as userForeign (its link's user is right)",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: staleViews("users.getFullUser", (b) => ({ ...b, user: stale(b.user) })),
  },
  {
    name: "stale-link-user-in-getFullUser",
    deviation: "the user inside users.getFullUser's link shows a revealed user as userForeign",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: staleViews("users.getFullUser", (b) => ({
      ...b,
      link: { ...(b.link as TlObject), user: stale((b.link as TlObject).user) },
    })),
  },
  {
    name: "stale-view-in-getDialogs",
    deviation: "messages.getDialogs lists revealed users as userForeign",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: staleViews("messages.getDialogs", (b) => ({ ...b, users: staleAll(b.users) })),
  },
  {
    name: "stale-view-in-getUsers",
    deviation: "users.getUsers answers revealed users as userForeign",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: staleViews("users.getUsers", (b) => staleAll(b) as TlObject),
  },
  {
    name: "stale-view-in-getDifference",
    deviation: "updates.getDifference lists revealed users as userForeign",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL", "S2-NO-REVEAL"],
    warns: [],
    start: staleViews("updates.getDifference", (b) => ({ ...b, users: staleAll(b.users) })),
  },
  {
    name: "stale-second-copy-in-getDifference",
    deviation: "updates.getDifference lists each revealed user twice, the second copy as userForeign",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: hooked(() => ({
      response: (body, c) => {
        if (c.method !== "updates.getDifference" || !Array.isArray((body as TlObject).users)) return body;
        const users = (body as TlObject).users as TlObject[];
        const copies = users.filter((u) => u._ === "userRequest").map(asForeign);
        return { ...(body as TlObject), users: [...users, ...copies] };
      },
    })),
  },
  {
    name: "contacts-as-request-in-getContacts",
    deviation: "contacts.getContacts lists the caller's contacts as userRequest instead of userContact",
    target: "S2-IMPORT",
    fails: ["S2-IMPORT", "S3-STABLE"],
    warns: [],
    start: hooked(() => ({
      response: (body, c) =>
        c.method === "contacts.getContacts"
          ? everyObject(body, (o) => {
              if (o._ === "userContact") o._ = "userRequest";
            })
          : body,
    })),
  },
  {
    name: "import-result-shows-foreign",
    deviation:
      "contacts.importContacts lists the imported users as userForeign, although they are now contacts",
    target: "S2-IMPORT",
    fails: ["S2-IMPORT", "S3-STABLE"],
    warns: [],
    start: hooked(() => ({
      response: (body, c) =>
        c.method === "contacts.importContacts"
          ? everyObject(body, (o) => {
              if (o._ === "userContact") {
                o._ = "userForeign";
                delete o.phone;
              }
            })
          : body,
    })),
  },
  {
    name: "send-result-users-before-check",
    deviation: "the users of a stated* send result show the peer as it stood before the send's check",
    target: "S1-BEFORE-SEND",
    fails: ["S1-BEFORE-SEND", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: hooked(() => ({
      sendResult: (_plain, c, standard) => {
        const result = standard();
        const before = new Map(c.changes.map((ch) => [ch.otherId, ch.before.userKind]));
        if (!Array.isArray(result.users)) return result;
        const users = (result.users as TlObject[]).map((u) =>
          before.get(u.id as number) === "userForeign" && u._ === "userRequest" ? asForeign(u) : u,
        );
        return { ...result, users };
      },
    })),
  },
  {
    name: "result-links-before-send",
    deviation: "the links of a layer-3 *Link result carry the link pair as it stood before the send",
    target: "L3-LINKS-IN-RESULT",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: ["LINK-VALUES"],
    start: hooked(() => ({
      sendResult: (_plain, c, standard) =>
        everyObject(standard(), (o) => {
          if (o._ !== "contacts.link") return;
          const change = c.changes.find((ch) => ch.otherId === (o.user as TlObject | undefined)?.id);
          if (!change) return;
          o.my_link = change.before.myLink;
          o.foreign_link = change.before.foreignLink;
        }) as TlObject,
    })),
  },
  {
    name: "result-links-also-for-sender",
    deviation: "the links of a layer-3 *Link result hold an extra link, for the sender itself",
    target: "L3-LINKS-IN-RESULT",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: [],
    start: hooked(() => ({
      sendResult: (plain, c, standard) => {
        const result = standard();
        if (!Array.isArray(result.links) || result.links.length === 0) return result;
        const self = linkOf(c.renderUser(c.senderId), "contacts.myLinkEmpty", "contacts.foreignLinkUnknown");
        return withLinks(plain, [...(result.links as TlObject[]), self]);
      },
    })),
  },
  {
    name: "plain-result-for-forwardMessages",
    deviation:
      "a layer-3 forwardMessages that changed links returns the plain statedMessages; other sends are right",
    target: "L3-LINKS-IN-RESULT",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: [],
    start: hooked(() => ({
      sendResult: (plain, c, standard) => (c.method === "messages.forwardMessages" ? plain : standard()),
    })),
  },
  {
    name: "link-result-at-layer-2-for-sendMedia",
    deviation: "a sendMedia declared at layer 2 gets statedMessageLink; other sends and layers are right",
    target: "L3-LAYER-GATE",
    fails: ["L3-LAYER-GATE"],
    warns: [],
    start: hooked(() => ({
      sendResult: (plain, c, standard) =>
        c.layer === 2 && c.method === "messages.sendMedia" ? withLinks(plain, []) : standard(),
    })),
  },
  {
    name: "link-results-for-strangers",
    deviation:
      "at layer 3 a send between strangers, which changes no link, returns a *Link result with the peer's link",
    target: "L3-NO-CHANGE",
    fails: [],
    warns: ["L3-NO-CHANGE"],
    start: hooked(() => ({
      sendResult: (plain, c, standard) => {
        const result = standard();
        if (c.layer < 3 || c.changes.length > 0 || c.peerId === 0) return result;
        const peer = c.renderUser(c.peerId);
        if (peer._ !== "userForeign") return result;
        return withLinks(plain, [linkOf(peer, "contacts.myLinkEmpty", "contacts.foreignLinkUnknown")]);
      },
    })),
  },
  {
    name: "update-to-sender-on-forwardMessages",
    deviation:
      "the sender of a forwardMessages gets updateContactLink for its own change; other sends are right",
    target: "L3-NO-SELF-UPDATE",
    fails: [],
    warns: ["L3-NO-SELF-UPDATE"],
    start: tracking((now) => ({
      linkUpdates: (deliveries, c) =>
        now().method !== "messages.forwardMessages"
          ? deliveries
          : [
              ...deliveries,
              ...c.changes
                .filter((ch) => ch.viewerId === c.actorId)
                .map((change) => ({ recipientId: c.actorId, change })),
            ],
    })),
  },
  {
    name: "double-update-to-peer",
    deviation: "the other party gets every updateContactLink twice",
    target: "LINK-PEER-UPDATE",
    fails: [],
    warns: ["LINK-PEER-UPDATE"],
    start: hooked(() => ({ linkUpdates: (deliveries) => [...deliveries, ...deliveries] })),
  },
  {
    name: "update-with-old-values",
    deviation: "the other party's updateContactLink carries the link as it stood before the change",
    target: "LINK-PEER-UPDATE",
    fails: [],
    warns: ["LINK-PEER-UPDATE"],
    start: hooked(() => ({
      linkUpdates: (deliveries) =>
        deliveries.map((d) => ({ ...d, change: { ...d.change, after: d.change.before } })),
    })),
  },
  {
    name: "no-update-for-import",
    deviation: "an import changes the imported user's link but sends it no updateContactLink (sends do)",
    target: "LINK-PEER-UPDATE",
    fails: [],
    warns: ["LINK-PEER-UPDATE"],
    start: tracking((now) => ({
      linkUpdates: (deliveries) => (now().method === "contacts.importContacts" ? [] : deliveries),
    })),
  },
  {
    name: "no-update-when-sender-at-layer-1",
    deviation: "when the sender declared layer 1, the other party gets no updateContactLink",
    target: "LINK-PEER-UPDATE",
    fails: [],
    warns: ["LINK-PEER-UPDATE"],
    start: tracking((now) => ({
      linkUpdates: (deliveries) => (isSendMethod(now().method) && now().layer === 1 ? [] : deliveries),
    })),
  },
  {
    name: "my-link-contact-for-requested",
    deviation:
      "myLinkRequested(contact=true) is sent as myLinkContact, which the one-liners allow but the table does not",
    target: "LINK-VALUES",
    fails: [],
    warns: ["LINK-PEER-UPDATE", "LINK-VALUES"],
    start: hooked(() => ({
      response: (body) =>
        everyObject(body, (o) => {
          if (o._ === "contacts.myLinkRequested" && o.contact === true) {
            o._ = "contacts.myLinkContact";
            delete o.contact;
          }
        }),
    })),
  },
  {
    name: "phone-spaced-in-last-name",
    deviation: "a stranger's userForeign carries the user's phone in its last_name, written +999 66 1 2345",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: hooked(() => {
      const book = phoneBook();
      return {
        response: (body) => {
          book.learn(body);
          return body;
        },
        renderUser: (user) => {
          const phone = book.of(user.id);
          return user._ === "userForeign" && phone ? { ...user, last_name: spaced(phone) } : user;
        },
      };
    }),
  },
  {
    name: "phone-in-message-text",
    deviation: "every message's text shows its sender's phone, written 999-661-2345, to whoever reads it",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: hooked(() => {
      const book = phoneBook();
      return {
        response: (body) => {
          book.learn(body);
          return everyObject(body, (o) => {
            const phone = book.of(o.from_id);
            if ((o._ === "message" || o._ === "messageForwarded") && phone && typeof o.message === "string") {
              o.message = `${o.message} (${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)})`;
            }
          });
        },
      };
    }),
  },
  {
    name: "geo-delivered-as-card",
    deviation: "a geo point is delivered as a contact card carrying its sender's phone, a card nobody sent",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: hooked(() => {
      const book = phoneBook();
      return {
        response: (body) => {
          book.learn(body);
          return everyObject(body, (o) => {
            if (o._ !== "message" || (o.media as TlObject | undefined)?._ !== "messageMediaGeo") return;
            const phone = book.of(o.from_id);
            if (phone)
              o.media = {
                _: "messageMediaContact",
                phone_number: phone,
                first_name: "",
                last_name: "",
                user_id: o.from_id,
              };
          });
        },
      };
    }),
  },
  {
    name: "phone-escaped-in-last-name",
    deviation:
      "a stranger's userForeign carries the user's phone in its last_name, written with JSON \\u escapes",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: proxiedFresh(() => {
      // Phones seen in any answer through this proxy, by user id: a stranger's phone is not in
      // the stranger's own answer, a sign-up answer is.
      const seen = new Map<unknown, string>();
      return async (request, forward) => {
        const answer = await forward(request.body, request.headers);
        everyObject(JSON.parse(answer.body) as unknown, (o) => {
          if (o._ === "userSelf" || o._ === "userContact" || o._ === "userRequest")
            seen.set(o.id, String(o.phone));
        });
        if (!answer.body.includes("userForeign")) return answer;
        const text = JSON.stringify(
          everyObject(JSON.parse(answer.body) as unknown, (o) => {
            if (o._ === "userForeign" && seen.has(o.id)) o.last_name = `@@${String(o.id)}@@`;
          }),
        );
        const escaped = text.replace(/@@(\d+)@@/g, (_m, id: string) =>
          [...(seen.get(Number(id)) ?? "")].map((d) => `\\u00${d.charCodeAt(0).toString(16)}`).join(""),
        );
        return { ...answer, body: escaped } satisfies Exchange;
      };
    }),
  },
  {
    name: "phone-in-header",
    deviation: "answers that show a stranger also carry the stranger's phone in an X-Debug-Phone header",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: proxiedFresh(() => {
      const seen = new Map<unknown, string>();
      return async (request, forward) => {
        const answer = await forward(request.body, request.headers);
        const strangers: unknown[] = [];
        everyObject(JSON.parse(answer.body) as unknown, (o) => {
          if (o._ === "userSelf" || o._ === "userContact" || o._ === "userRequest")
            seen.set(o.id, String(o.phone));
          if (o._ === "userForeign") strangers.push(o.id);
        });
        const phones = strangers.flatMap((id) => seen.get(id) ?? []);
        return phones.length === 0
          ? answer
          : { ...answer, headers: { ...answer.headers, "x-debug-phone": phones.join(", ") } };
      };
    }),
  },
  {
    name: "reveal-lost-on-later-import",
    deviation: "a number revealed to a user by messaging is taken back when that user imports anyone",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL"],
    warns: [],
    start: revealsLostAfter((method) => method === "contacts.importContacts"),
  },
  {
    name: "reveal-lost-on-sign-in",
    deviation: "a number revealed to a user by messaging is taken back when that user signs in on a new key",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL"],
    warns: [],
    start: revealsLostAfter((method) => method === "auth.signIn"),
  },
  {
    name: "reveal-lost-on-deleting-another",
    deviation:
      "a number revealed to a user by messaging is taken back when that user deletes another contact",
    target: "S1-REVEAL",
    fails: ["S1-REVEAL", "S1-REVEAL-REVERSE"],
    warns: [],
    start: revealsLostAfter(
      (method, call) => /^contacts\.deleteContacts?$/.test(method) && deletedIds(call).length > 0,
    ),
  },
  {
    name: "deleteContacts-ignored",
    deviation: "contacts.deleteContacts answers true but deletes nothing (deleteContact works)",
    target: "S2-IMPORT",
    fails: ["ERRORS", "S2-IMPORT"],
    warns: [],
    start: hooked(() => ({
      request: (call) =>
        (call as TlObject)._ === "contacts.deleteContacts" ? { ...(call as TlObject), id: [] } : call,
    })),
  },
  {
    name: "getFullUser-accepts-any-hash",
    deviation:
      "users.getFullUser with an access_hash the caller was never given answers anyway (with the caller's own)",
    target: "ERRORS",
    fails: ["ERRORS"],
    warns: [],
    start: acceptsRefused("users.getFullUser", (call) => ({ ...call, id: { _: "inputUserSelf" } })),
  },
  {
    name: "createChat-drops-bad-users",
    deviation: "messages.createChat with a user the caller may not address makes the chat without that user",
    target: "ERRORS",
    fails: ["ERRORS"],
    warns: [],
    start: acceptsRefused("messages.createChat", (call) => ({ ...call, users: [{ _: "inputUserSelf" }] })),
  },
  {
    name: "forwardMessages-to-any-chat",
    deviation:
      "messages.forwardMessages to a chat the caller is not in, or a peer it may not address, forwards to the caller itself",
    target: "ERRORS",
    fails: ["ERRORS"],
    warns: [],
    start: acceptsRefused("messages.forwardMessages", (call) => ({ ...call, peer: { _: "inputPeerSelf" } })),
  },
  {
    name: "contacts-all-mutual",
    deviation:
      "contacts.getContacts marks every contact mutual, as if mutual meant the caller has them (which every listed contact is)",
    target: "CONTACTS-MUTUAL",
    fails: ["CONTACTS-MUTUAL"],
    warns: [],
    start: hooked(() => ({
      response: (body, c) =>
        c.method === "contacts.getContacts" && Array.isArray((body as TlObject | undefined)?.contacts)
          ? {
              ...(body as TlObject),
              contacts: ((body as TlObject).contacts as TlObject[]).map((x) => ({ ...x, mutual: true })),
            }
          : body,
    })),
  },
];
