// What a call may carry, checked before its schema is: a vector past its limit is refused before
// anything walks it (one messages.forwardMessages naming an id 200,000 times answers at once),
// and no string may hold a lone UTF-16 surrogate, which no UTF-8 text can carry.
import type { LimitName, Limits } from "./limits.ts";
import { badRequest } from "./rpc_error.ts";
import type { TlObject } from "./tl_values.ts";

interface VectorLimit {
  field: string;
  limit: LimitName;
  error: string;
}

/** Every Vector parameter of every method the server implements (a test keeps this whole). */
export const VECTOR_LIMITS: Record<string, VectorLimit[]> = {
  "messages.forwardMessages": [{ field: "id", limit: "maxForwardIds", error: "MESSAGE_IDS_TOO_MUCH" }],
  "contacts.importContacts": [{ field: "contacts", limit: "maxImportContacts", error: "CONTACTS_TOO_MUCH" }],
  "users.getUsers": [{ field: "id", limit: "maxUsersPerCall", error: "USERS_TOO_MUCH" }],
  "contacts.deleteContacts": [{ field: "id", limit: "maxUsersPerCall", error: "USERS_TOO_MUCH" }],
  "messages.createChat": [{ field: "users", limit: "maxChatUsers", error: "USERS_TOO_MUCH" }],
};

export function checkVectors(limits: Limits, call: TlObject): void {
  for (const { field, limit, error } of VECTOR_LIMITS[call._] ?? []) {
    const value = call[field];
    if (Array.isArray(value) && value.length > limits[limit]) {
      throw badRequest(error, `${call._}.${field} holds ${value.length}, at most ${limits[limit]}`);
    }
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Walks a call that passed its schema (so its depth and size are the schema's and the body's). */
export function checkStrings(value: unknown): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) throw badRequest("INPUT_REQUEST_INVALID", "a string is not valid UTF-16");
  } else if (Array.isArray(value)) {
    for (const item of value) checkStrings(item);
  } else if (typeof value === "object" && value !== null) {
    for (const key in value) checkStrings((value as Record<string, unknown>)[key]);
  }
}
