// The server's state: accounts, keys, boxes, chats and sign-in codes, every one of them capped.
export { Box, conversationOf } from "./box.ts";
export { type CodeCheck, PendingCodes } from "./pending_codes.ts";
export { Store } from "./store.ts";
export type { Account, Chat, Dialog, NewUpdate, StoredMessage, UpdateEntry } from "./types.ts";
