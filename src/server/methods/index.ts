// Every method the reference server implements (the ones docs/binding.md lists).
import { AUTH_METHODS } from "./auth.ts";
import { CONTACT_METHODS } from "./contacts.ts";
import { READ_METHODS } from "./dialogs_and_updates.ts";
import type { MethodTable } from "./handler.ts";
import { MESSAGE_METHODS } from "./messages.ts";
import { USER_METHODS } from "./users.ts";

export type { MethodHandler, MethodTable } from "./handler.ts";

export const METHODS: MethodTable = {
  ...AUTH_METHODS,
  ...CONTACT_METHODS,
  ...USER_METHODS,
  ...MESSAGE_METHODS,
  ...READ_METHODS,
};
