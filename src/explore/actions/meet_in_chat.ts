// A chat of two or three members made by another user: how strangers meet (scenario 2).
import { meetInChat } from "../../session/index.ts";
import { type Action, setupAction } from "./action.ts";

export function meetInChatAction(members: readonly string[], maker: string): Action {
  const named =
    members.length === 2
      ? `${members[0]} and ${members[1]}`
      : `${members.slice(0, -1).join(", ")} and ${members.at(-1)}`;
  return setupAction(
    `${named} met in a chat made by ${maker}`,
    `chat of ${members.length} members`,
    () => true,
    (state) => meetInChat(state.session, members, maker),
  );
}
