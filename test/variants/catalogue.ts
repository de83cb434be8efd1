// The variant servers: correct servers that choose differently from the reference server where
// the binding or the spec leaves the choice open. The suite must pass every one of them with no
// failure and no warning; one that fails shows a check that tests the reference server's habits
// instead of the spec. Each names the sentence that allows its choice.
import { type RefusalBody, withLinks } from "../../src/server/index.ts";
import { hooked, proxied, rewriting, type StartTarget } from "../servers.ts";

/** Called by a variant each time its choice shapes an answer, with which of its choices. */
export type Exercised = (kind: string) => void;

export interface Variant {
  name: string;
  /** What this server does differently, in one sentence. */
  choice: string;
  /** Where the binding or the spec allows it. */
  allowedBy: string;
  /** The kinds of `exercised` calls a suite run must cause: a choice never met proves nothing. */
  exercises: string[];
  /** Kinds of `exercises` a run over MTProto cannot meet, each with why. */
  notOverMtproto?: Readonly<Record<string, string>>;
  start(exercised: Exercised): ReturnType<StartTarget>;
}

/** Vectors whose order carries no meaning: the users, chats and links that come with a result. */
const UNORDERED = ["users", "chats", "links", "imported"];
const DATE_FIELDS = ["date", "was_online", "expires"];
const YEAR_S = 365 * 24 * 3600;

/** The other answer wherever the binding's error table allows two. */
function otherError(error: RefusalBody, method: string, exercised: Exercised): RefusalBody {
  const swap: Record<string, string> = {
    PEER_ID_INVALID: "USER_ID_INVALID",
    USER_ID_INVALID: "PEER_ID_INVALID",
  };
  let message = swap[error.error_message];
  // A method the declared layer lacks: INPUT_REQUEST_INVALID instead of INPUT_METHOD_INVALID.
  if (error.error_message === "INPUT_METHOD_INVALID" && method === "messages.forwardMessage") {
    message = "INPUT_REQUEST_INVALID";
  }
  if (message === undefined) return error;
  exercised(message === "INPUT_REQUEST_INVALID" ? "INPUT_REQUEST_INVALID for a lacking layer" : "peer error");
  return { ...error, error_message: message };
}

export const VARIANTS: Variant[] = [
  {
    name: "access-hash-per-user",
    choice: "hands every viewer the same access_hash for a user",
    allowedBy: 'docs/binding.md: "Whether hashes are per viewer or per user is the server\'s choice"',
    exercises: ["foreign peer"],
    start: (exercised) =>
      hooked(
        () => ({
          request(call) {
            if (/"input(User|Peer)Foreign"/.test(JSON.stringify(call))) exercised("foreign peer");
            return call;
          },
        }),
        { accessHashScope: "user" },
      )(),
  },
  {
    // The reference server answers the plain constructor when a layer-3 send changes nothing.
    name: "link-result-always",
    choice: "answers every layer-3 send with the *Link constructor, with empty links when nothing changed",
    allowedBy:
      'docs/semantics.md, L3-NO-CHANGE: "a send that changes nothing returns either the plain constructor or a *Link one with empty links"',
    exercises: ["empty links"],
    start: (exercised) =>
      hooked(() => ({
        sendResult(plain, context, standard) {
          if (context.layer < 3 || context.changes.length > 0) return standard();
          exercised("empty links");
          return withLinks(plain, []);
        },
      }))(),
  },
  {
    name: "large-user-ids",
    choice: "numbers its users from 1,000,000,000",
    allowedBy: 'docs/binding.md: user ids are TL "int", any 32-bit value',
    exercises: ["large id"],
    start: (exercised) =>
      hooked(
        () => ({
          request(call, context) {
            if ((context.accountId ?? 0) >= 1_000_000_000) exercised("large id");
            return call;
          },
        }),
        { firstUserId: 1_000_000_000 },
      )(),
  },
  {
    name: "clock-a-year-behind",
    choice: "dates every message, status, state and session a year earlier than the harness's clock",
    allowedBy: "the spec and the binding tie no date to the client's clock",
    // No answer of the suite's scenarios carries a was_online: statuses are userStatusEmpty.
    exercises: ["date", "expires"],
    start: (exercised) =>
      rewriting((o) => {
        for (const field of DATE_FIELDS) {
          const value = o[field];
          if (typeof value !== "number") continue;
          o[field] = value - YEAR_S;
          exercised(field);
        }
      })(),
  },
  {
    name: "statuses-offline",
    choice: "shows every user as offline since a time, where the reference server sends an empty status",
    allowedBy: "the spec says nothing of statuses; UserStatus has three constructors in every layer",
    exercises: ["status"],
    start: (exercised) =>
      rewriting((o) => {
        if (o._ !== "userStatusEmpty") return;
        o._ = "userStatusOffline";
        o.was_online = 1_700_000_000;
        exercised("status");
      })(),
  },
  {
    name: "vectors-reversed",
    choice: "lists the users, chats, links and imported contacts of every result in reverse order",
    allowedBy: "the binding gives these vectors no order; a client finds a user by its id",
    // Only users: no scenario changes two links in one action or imports two contacts at once.
    exercises: ["users"],
    start: (exercised) =>
      rewriting((o) => {
        for (const field of UNORDERED) {
          const list = o[field];
          if (!Array.isArray(list) || list.length < 2) continue;
          list.reverse();
          exercised(field);
        }
      })(),
  },
  {
    name: "other-error-choices",
    choice:
      "answers USER_ID_INVALID for PEER_ID_INVALID (and back), INPUT_REQUEST_INVALID for a method the layer lacks",
    allowedBy:
      'docs/binding.md, Errors: "PEER_ID_INVALID or USER_ID_INVALID", "INPUT_METHOD_INVALID or INPUT_REQUEST_INVALID"',
    exercises: ["peer error", "INPUT_REQUEST_INVALID for a lacking layer"],
    notOverMtproto: {
      "INPUT_REQUEST_INVALID for a lacking layer":
        "over MTProto a method the declared layer lacks has an id that layer's TL cannot decode, so the front end's decoder answers it before the core, and its hooks, see a call",
    },
    start: (exercised) => hooked(() => ({ refused: (error, c) => otherError(error, c.method, exercised) }))(),
  },
  {
    name: "connection-close",
    choice:
      "closes the connection after every answer, sends bodies chunked and content-type without a charset",
    allowedBy: "HTTP/1.1; the binding asks only for application/json and UTF-8",
    exercises: ["close"],
    start: (exercised) =>
      proxied(async (request, forward) => {
        const answer = await forward(request.body, request.headers);
        exercised("close");
        return { ...answer, headers: { "content-type": "application/json", connection: "close" } };
      })(),
  },
  {
    name: "difference-in-small-pages",
    choice: "answers updates.getDifference in updates.differenceSlice pages of two updates",
    allowedBy:
      "docs/binding.md, Updates: a server may answer getDifference in differenceSlice pages, followed from each page's intermediate_state",
    exercises: ["slice"],
    start: (exercised) =>
      hooked(
        () => ({
          response(body, context) {
            if (
              context.method === "updates.getDifference" &&
              (body as { _?: unknown })._ === "updates.differenceSlice"
            )
              exercised("slice");
            return body;
          },
        }),
        { differencePageSize: 2 },
      )(),
  },
  {
    name: "delete-forgets-reveal",
    choice:
      "takes a user's number back from the other party when the user deletes that party from its contacts",
    allowedBy:
      'docs/semantics.md, Words: "whether a number revealed to the other party stays revealed after such a delete is the server\'s choice"',
    exercises: ["forgot"],
    start: (exercised) =>
      hooked(() => {
        // Which numbers messaging revealed, to know when a delete takes one back.
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
            if (c.method !== "contacts.deleteContact" && c.method !== "contacts.deleteContacts") return;
            const inputs = (Array.isArray(c.call.id) ? c.call.id : [c.call.id]) as { user_id?: unknown }[];
            for (const input of inputs) {
              const key = `${String(input.user_id)}>${String(c.accountId)}`;
              if (!revealed.delete(key)) continue;
              c.forget(input.user_id as number, c.accountId as number);
              exercised("forgot");
            }
          },
        };
      })(),
  },
];
