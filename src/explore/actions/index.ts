// The explorer's actions: one per domain operation of src/session.
export type { Action, Plan } from "./action.ts";
export { deleteContactAction } from "./delete_contact.ts";
export { importFromCardAction, importNumberAction } from "./import_number.ts";
export { meetInChatAction } from "./meet_in_chat.ts";
export { type RefusedCall, refusedAddressingAction } from "./refused_addressing.ts";
export { type PrivateSend, privateSendAction, resultChecks } from "./send_private.ts";
export { chatSendAction } from "./send_to_chat.ts";
export { signInAction } from "./sign_in.ts";
