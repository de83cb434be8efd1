// A private send of any kind at a layer: a message, a card (own, or another user's), a geo point,
// a forward of a fresh note or of the latest message received from a user. After it, the checks
// of its own result: at layer 3 the link it carries (L3-LINK-USER, LINK-VALUES), a send that
// changed no link reporting none (L3-NO-CHANGE), and an own card arriving whole (S2-CONTACT-MEDIA).
import {
  type ConformanceSession,
  changedSendersLink,
  expectCardReceived,
  expectLinkUserCurrent,
  expectNoChangedLink,
  expectResultLinksFollowTable,
  SEND_KINDS,
  type SendKind,
  type SendOptions,
  send,
} from "../../session/index.ts";
import type { Layer } from "../../tl/index.ts";
import type { CheckStep } from "../checks.ts";
import type { Action } from "./action.ts";
import { addresses, messagesFrom } from "./known.ts";

export interface PrivateSend {
  kind: SendKind;
  layer: Layer;
  sender: string;
  peer: string;
  /** A contact card of this user's number instead of the sender's own. */
  cardOf?: string;
  /** Forward kinds: the latest message received from this user instead of a fresh note. */
  forwardFrom?: string;
}

function stepOf({ kind, layer, sender, peer, cardOf, forwardFrom }: PrivateSend): string {
  if (cardOf !== undefined) return `${sender} sends ${cardOf}'s contact card to ${peer} at layer ${layer}`;
  if (forwardFrom !== undefined) {
    return `${sender} forwards to ${peer} the latest message from ${forwardFrom} by ${SEND_KINDS[kind].method} at layer ${layer}`;
  }
  return `${sender} messages ${peer} by ${SEND_KINDS[kind].phrase} at layer ${layer}`;
}

/** The checks of a send's own result, by what the model says the send changed. */
export function resultChecks(session: ConformanceSession, plan: PrivateSend, changed: boolean): CheckStep[] {
  const { sender, peer, layer, kind, cardOf } = plan;
  const checks: CheckStep[] = [];
  if (kind === "contact" && cardOf === undefined) {
    checks.push({
      text: `${peer} receives ${sender}'s contact with the phone, the names and the user id`,
      run: () => expectCardReceived(session, peer, sender),
    });
  }
  if (!changed) {
    checks.push({
      text: `${sender}'s send result reports no changed link`,
      run: () => expectNoChangedLink(session, sender),
    });
  } else if (layer === 3) {
    checks.push(
      {
        text: `the link to ${peer} in ${sender}'s send result shows ${peer} as users.getUsers does right after`,
        run: () => expectLinkUserCurrent(session, sender, peer),
      },
      {
        text: `the links in ${sender}'s send result follow the link table`,
        run: () => expectResultLinksFollowTable(session, sender),
      },
    );
  }
  return checks;
}

export function privateSendAction(plan: PrivateSend): Action {
  const { kind, layer, sender, peer, cardOf, forwardFrom } = plan;
  const options: SendOptions = {
    ...(cardOf === undefined ? {} : { cardOf }),
    ...(forwardFrom === undefined ? {} : { forwardFrom }),
  };
  return {
    step: stepOf(plan),
    covers: [
      `private ${kind}`,
      `layer ${layer}`,
      ...(cardOf === undefined ? [] : ["card of another user"]),
      ...(forwardFrom === undefined ? [] : ["forward of a received message"]),
    ],
    layer,
    forwardMessage: kind === "forward",
    possible: (state) =>
      addresses(state, sender, peer) &&
      (forwardFrom === undefined || messagesFrom(state, sender, forwardFrom).length > 0),
    perform: async (state) => {
      const record = await send(state.session, kind, sender, peer, layer, options);
      if (kind === "contact" && cardOf === undefined) state.cardSent(sender, peer);
      return resultChecks(state.session, plan, changedSendersLink(state.session, record));
    },
  };
}
