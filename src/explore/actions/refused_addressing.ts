// ERRORS, addressing, explored: a call that names a user in a way the caller may not use (the
// inputs of src/session/addressing.ts), among whatever history came before. The state of every
// user is noted, the call must get 400 PEER_ID_INVALID or USER_ID_INVALID, and the state must be
// as noted. Forwards need a message the caller owns, so the caller first writes itself a note.
import {
  addressingCall,
  type BadInput,
  badInputsFor,
  expectRpcError,
  expectStateUnchanged,
  needsNote,
  sendJudgedLater,
  snapshotState,
  writeNote,
} from "../../session/index.ts";
import type { Layer } from "../../tl/index.ts";
import { logged } from "../checks.ts";
import type { ExploreState } from "../state.ts";
import type { Action, PreludeStep } from "./action.ts";
import { known } from "./known.ts";

export interface RefusedCall {
  caller: string;
  named: string;
  method: string;
  input: BadInput;
}

const ANSWER_STEP = "the answer is rpc_error 400 PEER_ID_INVALID or USER_ID_INVALID";

/** Whether the input names a user the caller may not address that way, given the history so far. */
function refusable(state: ExploreState, { caller, named, input }: RefusedCall): boolean {
  const [self, other] = [known(state, caller), known(state, named)];
  if (self === undefined || other === undefined) return false;
  switch (input) {
    case "inputPeerContact":
    case "inputUserContact":
      return !state.session.model.hasContact(caller, named);
    case "inputPeerForeign with a wrong hash":
    case "inputUserForeign with a wrong hash":
      return typeof self.views.get(other.id)?.access_hash === "string";
    case "inputPeerChat of D's chat": {
      const chat = [...state.session.chats].reverse().find((c) => c.maker === "D");
      return chat !== undefined && !chat.members.includes(caller) && chat.maker !== caller;
    }
    default:
      return true;
  }
}

export function refusedAddressingAction(plan: RefusedCall): Action | undefined {
  const { caller, named, method, input } = plan;
  if (caller === named || !badInputsFor(method).includes(input)) return undefined;
  const layer: Layer = method === "messages.forwardMessage" ? 3 : 1;
  let noted = "";
  const note: PreludeStep = {
    text: `${caller} has a note to itself`,
    kind: "command",
    when: (state) => needsNote(method) && !state.notes.has(caller),
    run: async (state) => state.notes.set(caller, await writeNote(state.session, caller)),
  };
  const snapshot: PreludeStep = {
    text: "the state of every user is noted",
    kind: "check",
    run: async (state) => {
      noted = await snapshotState(state.session);
    },
  };
  return {
    step: `${caller} calls ${method} at layer ${layer} naming ${named} by ${input}`,
    covers: ["refused addressing"],
    layer,
    forwardMessage: method === "messages.forwardMessage",
    prelude: [note, snapshot],
    possible: (state) => refusable(state, plan),
    async perform(state) {
      const { session } = state;
      const call = await addressingCall(session, caller, method, named, input, state.notes.get(caller) ?? 0);
      await sendJudgedLater(session, caller, method, layer, () => session.attempt(caller, { call }, layer));
      await logged(
        state,
        {
          text: ANSWER_STEP,
          run: () => expectRpcError(session, 400, ["PEER_ID_INVALID", "USER_ID_INVALID"], "ERRORS"),
        },
        true,
      );
      await logged(
        state,
        { text: "the state of every user is unchanged", run: () => expectStateUnchanged(session, noted) },
        true,
      );
      return [];
    },
  };
}
