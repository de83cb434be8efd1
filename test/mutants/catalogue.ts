// The mutant servers: each one small, named deviation from the spec, built on the reference
// server's hooks (src/server/hooks.ts) or as a proxy in front of it, never by touching the suite.
// `fails` and `warns` are the exact MUST and SHOULD requirement ids the suite must report against
// it; the kill-matrix test checks them and docs/mutants.md is generated from them.
import { type TlObject, withLinks } from "../../src/server/index.ts";
import { hooked, proxied, rewriting } from "../servers.ts";
import { GRID_MUTANTS } from "./grid_catalogue.ts";
import { asForeign, everyObject, linkOf } from "./rewrite.ts";

export interface Mutant {
  name: string;
  /** What the mutant does wrong, in one sentence. */
  deviation: string;
  /** The requirement the mutant is aimed at. */
  target: string;
  fails: string[];
  warns: string[];
  start(): Promise<{ url: string; close(): Promise<void> }>;
}

const isSend = (method: string) => /^messages\.(send|forward)/.test(method);

const BASE_MUTANTS: Mutant[] = [
  {
    name: "identity",
    deviation: "none: the reference server behind the mutant machinery",
    target: "-",
    fails: [],
    warns: [],
    start: hooked(() => ({})),
  },
  {
    name: "no-reveal",
    deviation: "messaging never makes a number available",
    target: "S1-REVEAL",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: hooked(() => ({ revealOnMessage: () => {} })),
  },
  {
    name: "reveal-only-when-holder-sends",
    deviation: "only a message from the user who has the other's number reveals it, not one to them",
    target: "S1-REVEAL-REVERSE",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: hooked(() => ({
      revealOnMessage: (c) => {
        if (c.hasContact(c.senderId, c.peerId)) c.reveal(c.peerId, c.senderId);
      },
    })),
  },
  {
    name: "reveal-one-message-late",
    deviation: "the number becomes available after the first message instead of before it",
    target: "S1-BEFORE-SEND",
    fails: ["L3-LINKS-IN-RESULT", "S1-BEFORE-SEND", "S1-REVEAL", "S1-REVEAL-REVERSE"],
    warns: [],
    start: hooked(() => {
      const seen = new Set<string>();
      return {
        revealOnMessage: (c) => {
          const pair = [c.senderId, c.peerId].sort().join(":");
          if (!seen.has(pair)) {
            seen.add(pair);
            return;
          }
          if (c.hasContact(c.senderId, c.peerId)) c.reveal(c.peerId, c.senderId);
          if (c.hasContact(c.peerId, c.senderId)) c.reveal(c.senderId, c.peerId);
        },
      };
    }),
  },
  {
    name: "reveal-between-strangers",
    deviation: "any private message reveals both numbers",
    target: "S2-NO-REVEAL",
    fails: ["S2-NO-REVEAL"],
    warns: [],
    start: hooked(() => ({
      revealOnMessage: (c) => {
        c.reveal(c.peerId, c.senderId);
        c.reveal(c.senderId, c.peerId);
      },
    })),
  },
  {
    name: "reveal-on-import",
    deviation: "an import alone makes the importer's number available to the imported user",
    target: "S2-IMPORT-NO-REVEAL",
    fails: ["L3-LINKS-IN-RESULT", "S1-NO-EARLY-REVEAL", "S2-FOREIGN", "S2-IMPORT-NO-REVEAL"],
    warns: [],
    start: hooked(() => ({
      afterImport: (c) => {
        for (const id of c.importedIds) c.reveal(id, c.importerId);
      },
    })),
  },
  {
    name: "reveal-in-chat",
    deviation: "users who meet in a chat see each other's numbers",
    target: "S2-FOREIGN",
    fails: ["S1-NO-EARLY-REVEAL", "S2-FOREIGN", "S2-IMPORT-NO-REVEAL", "S2-NO-REVEAL"],
    warns: [],
    start: hooked(() => ({
      renderUser: (user) =>
        user._ === "userForeign" ? { ...user, _: "userRequest", phone: "9996600000" } : user,
    })),
  },
  {
    name: "contact-media-phone-changed",
    deviation: "the contact message arrives with another phone number",
    target: "S2-CONTACT-MEDIA",
    fails: ["S2-CONTACT-MEDIA"],
    warns: [],
    start: rewriting((o) => {
      // Another last digit, never the same one: a phone that already ends in 0 (one in ten of
      // the random phones) would otherwise come back unchanged and the mutant would be no mutant.
      if (o._ === "messageMediaContact") {
        const phone = String(o.phone_number);
        o.phone_number = `${phone.slice(0, -1)}${phone.endsWith("0") ? "1" : "0"}`;
      }
    }),
  },
  {
    name: "contact-media-wrong-user",
    deviation: "the contact message names no user (user_id 0) although the phone is registered",
    target: "S2-CONTACT-MEDIA",
    fails: ["S2-CONTACT-MEDIA"],
    warns: [],
    start: rewriting((o) => {
      if (o._ === "messageMediaContact") o.user_id = 0;
    }),
  },
  {
    name: "import-ignored",
    deviation: "contacts.importContacts answers but imports nothing",
    target: "S2-IMPORT",
    fails: ["S2-IMPORT"],
    warns: [],
    start: hooked(() => ({
      request: (call) =>
        (call as TlObject)._ === "contacts.importContacts" ? { ...(call as TlObject), contacts: [] } : call,
    })),
  },
  {
    name: "links-change-between-contacts",
    deviation: "a send between mutual contacts reports the peer's link as changed",
    target: "S3-STABLE",
    fails: ["S3-STABLE"],
    warns: ["L3-NO-CHANGE"],
    start: hooked(() => ({
      sendResult: (plain, c, standard) => {
        const result = standard();
        if (c.layer < 3 || c.changes.length > 0 || c.peerId === 0) return result;
        const link = linkOf(c.renderUser(c.peerId), "contacts.myLinkContact", "contacts.foreignLinkMutual");
        return withLinks(plain, [link]);
      },
    })),
  },
  {
    name: "plain-result-at-layer-3",
    deviation: "a layer-3 send that changed links returns the plain constructor",
    target: "L3-LINKS-IN-RESULT",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: [],
    start: hooked(() => ({ sendResult: (plain) => plain })),
  },
  {
    name: "link-constructors-before-layer-3",
    deviation: "sends at layers 1 and 2 also get the *Link constructors",
    target: "L3-LAYER-GATE",
    fails: ["L3-LAYER-GATE"],
    warns: [],
    start: hooked(() => ({
      sendResult: (plain, c, standard) =>
        c.layer < 3
          ? withLinks(
              plain,
              c.changes.map((change) => ({
                _: "contacts.link",
                my_link: change.after.myLink,
                foreign_link: change.after.foreignLink,
                user: c.renderUser(change.otherId),
              })),
            )
          : standard(),
    })),
  },
  {
    name: "stale-link-user",
    deviation: "the link in the result shows the peer as before the change",
    target: "L3-LINK-USER",
    fails: ["L3-LINK-USER", "S1-BEFORE-SEND", "S1-REVEAL-REVERSE", "S2-LATER-REVEAL"],
    warns: [],
    start: hooked(() => ({
      sendResult: (_plain, c, standard) =>
        everyObject(standard(), (o) => {
          if (o._ === "contacts.link" && typeof o.user === "object" && o.user !== null) {
            const change = c.changes.find((ch) => ch.otherId === (o.user as TlObject).id);
            if (change?.before.userKind === "userForeign") o.user = asForeign(o.user as TlObject);
          }
        }) as TlObject,
    })),
  },
  {
    name: "link-for-wrong-user",
    deviation: "the link in the result is about the sender instead of the peer",
    target: "L3-LINKS-IN-RESULT",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: [],
    start: hooked(() => ({
      sendResult: (_plain, c, standard) =>
        everyObject(standard(), (o) => {
          if (o._ === "contacts.link") o.user = c.renderUser(c.senderId);
        }) as TlObject,
    })),
  },
  {
    name: "update-to-sender",
    deviation: "the sender also gets updateContactLink for what its own send changed",
    target: "L3-NO-SELF-UPDATE",
    fails: [],
    warns: ["L3-NO-SELF-UPDATE"],
    start: hooked(() => ({
      linkUpdates: (deliveries, c) => [
        ...deliveries,
        ...c.changes
          .filter((ch) => ch.viewerId === c.actorId)
          .map((change) => ({ recipientId: c.actorId, change })),
      ],
    })),
  },
  {
    name: "no-update-to-peer",
    deviation: "the other party never gets updateContactLink",
    target: "LINK-PEER-UPDATE",
    fails: [],
    warns: ["LINK-PEER-UPDATE"],
    start: hooked(() => ({ linkUpdates: () => [] })),
  },
  {
    name: "has-phone-inverted",
    deviation: "foreignLinkRequested.has_phone says the opposite",
    target: "LINK-VALUES",
    fails: ["L3-LINKS-IN-RESULT"],
    warns: ["LINK-PEER-UPDATE", "LINK-VALUES"],
    start: rewriting((o) => {
      if (o._ === "contacts.foreignLinkRequested") o.has_phone = !o.has_phone;
    }),
  },
  {
    name: "phone-in-user-foreign",
    deviation: "userForeign carries a phone field",
    target: "SCHEMA",
    fails: ["SCHEMA"],
    warns: [],
    start: hooked(() => ({
      renderUser: (user, c) => (user._ === "userForeign" ? { ...user, phone: `99966${c.userId}` } : user),
    })),
  },
  {
    name: "phone-in-last-name",
    deviation: "a user's phone appears in the last_name of userForeign",
    target: "PRIVACY",
    fails: ["PRIVACY"],
    warns: [],
    start: hooked(() => {
      // Learns each account's phone from its own sign-up answer, then leaks it to strangers.
      const phones = new Map<unknown, unknown>();
      return {
        response: (body) =>
          everyObject(body, (o) => {
            if (o._ === "userSelf") phones.set(o.id, o.phone);
          }),
        renderUser: (user) =>
          user._ === "userForeign" ? { ...user, last_name: `tel ${String(phones.get(user.id))}` } : user,
      };
    }),
  },
  {
    name: "dialogs-without-users",
    deviation: "getDialogs lists the dialogs with other users but leaves those users out of its users",
    target: "S1-REVEAL",
    fails: [
      "S1-NO-EARLY-REVEAL",
      "S1-REVEAL",
      "S1-REVEAL-REVERSE",
      "S2-IMPORT",
      "S2-IMPORT-NO-REVEAL",
      "S2-LATER-REVEAL",
      "S2-NO-REVEAL",
      "S3-STABLE",
    ],
    warns: [],
    start: hooked(() => ({
      response: (body, c) =>
        c.method === "messages.getDialogs" && Array.isArray((body as TlObject).users)
          ? {
              ...(body as TlObject),
              users: ((body as TlObject).users as TlObject[]).filter((u) => u._ === "userSelf"),
            }
          : body,
    })),
  },
  {
    name: "long-as-number",
    deviation: "access_hash is sent as a JSON number",
    target: "SCHEMA",
    fails: ["SCHEMA"],
    warns: [],
    start: rewriting((o) => {
      if (typeof o.access_hash === "string") o.access_hash = Number(o.access_hash);
    }),
  },
  {
    name: "extra-field",
    deviation: "send results carry a field TL does not have",
    target: "SCHEMA",
    fails: ["SCHEMA"],
    warns: [],
    start: hooked(() => ({
      response: (body, c) =>
        isSend(c.method) && typeof body === "object" ? { ...(body as TlObject), server_time: 0 } : body,
    })),
  },
  {
    name: "unknown-constructor",
    deviation: "user statuses use a constructor no layer has",
    target: "SCHEMA",
    fails: ["SCHEMA"],
    warns: [],
    start: rewriting((o) => {
      if (o._ === "userStatusEmpty") o._ = "userStatusHidden";
    }),
  },
  {
    name: "html-500-on-bad-input",
    deviation: "bad input gets an HTML error page with status 500",
    target: "ERRORS",
    fails: ["ERRORS"],
    warns: [],
    start: proxied(async (request, forward) => {
      const answer = await forward(request.body, request.headers);
      if (answer.status !== 400) return answer;
      return {
        status: 500,
        headers: { "content-type": "text/html" },
        body: "<html><body><h1>500 Internal Server Error</h1></body></html>",
      };
    }),
  },
  {
    name: "rejected-request-changes-state",
    deviation: "an import with a long sent as a number is rejected, yet done",
    target: "ERRORS",
    fails: ["ERRORS"],
    warns: [],
    start: proxied(async (request, forward) => {
      const answer = await forward(request.body, request.headers);
      if (answer.status === 400 && request.body.includes('"client_id":7,')) {
        await forward(request.body.replace('"client_id":7,', '"client_id":"7",'), request.headers);
      }
      return answer;
    }),
  },
];

/** The first mutants, then those grown along the grid (grid_catalogue.ts). */
export const MUTANTS: Mutant[] = [...BASE_MUTANTS, ...GRID_MUTANTS];
