// A send of any kind to the latest chat a user made, by one of its members: reveals nothing.
import { SEND_KINDS, type SendKind, sendToChat } from "../../session/index.ts";
import type { Layer } from "../../tl/index.ts";
import type { ExploreState } from "../state.ts";
import type { Action } from "./action.ts";

/** The latest chat the maker made: the one its step names. */
function chatOf(state: ExploreState, maker: string) {
  return [...state.session.chats].reverse().find((c) => c.maker === maker);
}

export function chatSendAction(kind: SendKind, layer: Layer, sender: string, maker: string): Action {
  return {
    step: `${sender} messages the chat made by ${maker} by ${SEND_KINDS[kind].phrase} at layer ${layer}`,
    covers: [`chat ${kind}`, `layer ${layer}`],
    layer,
    forwardMessage: kind === "forward",
    possible: (state) => chatOf(state, maker)?.members.includes(sender) === true,
    perform: async (state) => {
      await sendToChat(state.session, kind, sender, maker, layer);
      if (kind === "contact")
        for (const member of chatOf(state, maker)?.members ?? []) state.cardSent(sender, member);
      return [];
    },
  };
}
