// A delete of a contact, by either method.
import { type DeleteMethod, deleteContact } from "../../session/index.ts";
import { type Action, setupAction } from "./action.ts";

export function deleteContactAction(deleter: string, owner: string, method: DeleteMethod): Action {
  return setupAction(
    `${deleter} deletes ${owner} from contacts by ${method}`,
    `delete by ${method}`,
    (state) => state.session.model.hasContact(deleter, owner),
    (state) => deleteContact(state.session, deleter, owner, method),
  );
}
