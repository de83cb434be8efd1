// Every kind of message one user can send another (docs/semantics.md, Words: "a private message:
// messages.sendMessage, sendMedia, forwardMessage(s)"), and what the send's result must be.
import {
  describeLinkObject,
  foreignLinkFits,
  type LinkChange,
  type ModelEvent,
  myLinkFits,
} from "../model/index.ts";
import type { RequirementId } from "../requirements/index.ts";
import type { Layer } from "../tl/index.ts";
import { RequirementFailure } from "./failure.ts";
import type { Scene } from "./inspect.ts";
import { isTlObject, objectsOf, type TlObject } from "./tl_json.ts";

/** The send kinds of the grid, named by what goes over the wire. */
export const SEND_KINDS = {
  message: { method: "messages.sendMessage", phrase: "messages.sendMessage", plain: "messages.sentMessage" },
  contact: {
    method: "messages.sendMedia",
    phrase: "messages.sendMedia with own contact",
    plain: "messages.statedMessage",
  },
  geo: {
    method: "messages.sendMedia",
    phrase: "messages.sendMedia with a geo point",
    plain: "messages.statedMessage",
  },
  forward: {
    method: "messages.forwardMessage",
    phrase: "messages.forwardMessage",
    plain: "messages.statedMessage",
  },
  forwards: {
    method: "messages.forwardMessages",
    phrase: "messages.forwardMessages",
    plain: "messages.statedMessages",
  },
} as const;

export type SendKind = keyof typeof SEND_KINDS;

export const LINK_TWIN: Record<string, string> = {
  "messages.sentMessage": "messages.sentMessageLink",
  "messages.statedMessage": "messages.statedMessageLink",
  "messages.statedMessages": "messages.statedMessagesLinks",
};

export function sendKindOfPhrase(phrase: string): SendKind {
  const found = (Object.keys(SEND_KINDS) as SendKind[]).find((k) => SEND_KINDS[k].phrase === phrase);
  if (!found) throw new Error(`no send kind is written "${phrase}"`);
  return found;
}

export interface SendRecord {
  kind: SendKind;
  sender: string;
  /** The other user of a private send; undefined for a send to a chat. */
  peer: string | undefined;
  layer: Layer;
  result: TlObject;
  /** The model's event for a private send. */
  event: ModelEvent | undefined;
  /** Text of a sendMessage (to find its delivery), else "". */
  text: string;
}

/** The sender's links this send changed, in one world. */
function senderChanges(changes: LinkChange[], event: ModelEvent): LinkChange[] {
  return changes.filter((c) => c.event === event.index && c.viewer === event.actor);
}

/**
 * L3-LINKS-IN-RESULT (MUST): at layer 3 a send that changed the sender's link to the peer returns
 * the *Link twin whose links hold exactly that link, for the peer, with values the docs'
 * one-liners allow after the send. With `includeNoChange`, also the send that changed nothing:
 * the plain constructor or a twin with empty links (L3-NO-CHANGE, or S3-STABLE among mutual
 * contacts). Before layer 3, only the plain constructor (L3-LAYER-GATE).
 */
export function checkSendResult(scene: Scene, send: SendRecord, includeNoChange: boolean): void {
  const { result, layer, kind, sender } = send;
  const plain = SEND_KINDS[kind].plain;
  const twin = LINK_TWIN[plain] as string;
  const subject = `${sender}'s ${SEND_KINDS[kind].method} result at layer ${layer}`;
  const links = objectsOf(result.links);
  const got = `${result._} with ${links.length} links`;
  if (layer < 3) {
    if (result._ === plain) return;
    throw new RequirementFailure("L3-LAYER-GATE", {
      subject,
      expected: plain,
      actual: result._,
      pointer: "/_",
    });
  }
  const event = send.event;
  if (!event) return;
  let failure: { requirement: RequirementId; expected: string } | undefined;
  const agrees = scene.model.observe((world) => {
    const changed = senderChanges(world.changes(event.index - 1), event);
    if (changed.length === 0) {
      const ok = result._ === plain || (result._ === twin && links.length === 0);
      if (!ok && includeNoChange) {
        const mutual =
          scene.model.hasContact(event.actor, event.other) &&
          scene.model.hasContact(event.other, event.actor);
        failure ??= {
          requirement: scene.pick(mutual ? ["S3-STABLE", "L3-NO-CHANGE"] : ["L3-NO-CHANGE", "S3-STABLE"]),
          expected: `${plain}, or ${twin} with empty links: the send changed none of ${sender}'s links`,
        };
      }
      return ok || !includeNoChange;
    }
    const fits = (link: TlObject) =>
      changed.some((c) => {
        const facts = world.facts(c.viewer, c.other);
        return (
          isTlObject(link.user) &&
          link.user.id === scene.idOf(c.other) &&
          myLinkFits(link.my_link, facts) &&
          foreignLinkFits(link.foreign_link, facts)
        );
      });
    const ok = result._ === twin && links.length === changed.length && links.every(fits);
    if (!ok) {
      const names = changed.map((c) => c.other).join(", ");
      failure ??= {
        requirement: "L3-LINKS-IN-RESULT",
        expected: `${twin} whose links hold exactly ${changed.length} contacts.link, for ${names}, with the link as it stands after the send`,
      };
    }
    return ok;
  });
  if (agrees || !failure) return;
  throw new RequirementFailure(failure.requirement, {
    subject,
    expected: failure.expected,
    actual: describeResult(got, links),
    pointer: "/links",
  });
}

function describeResult(got: string, links: TlObject[]): string {
  if (links.length === 0) return got;
  const each = links.map((l) => {
    const user = isTlObject(l.user) ? `user ${String(l.user.id)}` : "no user";
    return `${user}: ${describeLinkObject(l.my_link)}, ${describeLinkObject(l.foreign_link)}`;
  });
  return `${got}: ${each.join("; ")}`;
}
