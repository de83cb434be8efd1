// Every method the reference server implements (the ones docs/binding.md lists).
import { AUTH_METHODS } from "./auth.ts";
import { CONTACT_METHODS } from "./contacts.ts";
import { DIALOG_METHODS } from "./dialogs.ts";
import type { MethodTable } from "./handler.ts";
import { MESSAGE_METHODS } from "./messages.ts";
import { UPDATE_METHODS } from "./updates.ts";
import { USER_METHODS } from "./users.ts";

export type { MethodHandler, MethodTable } from "./handler.ts";

export const METHODS: MethodTable = {
  ...AUTH_METHODS,
  ...CONTACT_METHODS,
  ...USER_METHODS,
  ...MESSAGE_METHODS,
  ...DIALOG_METHODS,
  ...UPDATE_METHODS,
};
