// What the session knows of its users, as the actions' preconditions ask it.
import { type Actor, canAddress } from "../../session/index.ts";
import type { ExploreState } from "../state.ts";

/** The user's account, when it has signed up in this run. */
export function known(state: ExploreState, name: string): Actor | undefined {
  return state.session.actors.get(name);
}

/** Whether the caller was shown the other, so can name it in a call. */
export function addresses(state: ExploreState, caller: string, other: string): boolean {
  const [from, to] = [known(state, caller), known(state, other)];
  return from !== undefined && to !== undefined && canAddress(from, to);
}

/** The messages from `author` in the holder's box, as its answers showed them. */
export function messagesFrom(state: ExploreState, holder: string, author: string) {
  const id = known(state, author)?.id;
  return [...(state.session.boxes.get(holder)?.values() ?? [])].filter((m) => m.fromId === id);
}
