// A sign-in of a user on a new key: nothing of the link table may change.
import { signInOnNewKey } from "../../session/index.ts";
import { type Action, setupAction } from "./action.ts";
import { known } from "./known.ts";

export function signInAction(name: string): Action {
  return setupAction(
    `${name} signs in again on a new key`,
    "sign-in on a new key",
    (state) => known(state, name) !== undefined,
    (state) => signInOnNewKey(state.session, name),
  );
}
