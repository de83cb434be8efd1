// Every bound the server keeps, with its default: what one request may carry and cost, and what
// the store keeps. They are options of the server (startServer and `tl-conformance server
// --max-accounts N`, ...), checked one by one. They live in the core, so every front end has
// them. The defaults never touch a run of the suite: a scenario makes 2–5 accounts and a few
// dozen messages, and what is dropped first (the oldest, the least recently active) is what
// finished scenarios left behind.
export const LIMITS = {
  maxAccounts: {
    default: 20_000,
    what: "accounts kept; signing one more up forgets the least recently active account",
  },
  maxKeysPerAccount: {
    default: 16,
    what: "keys bound to one account; signing in on one more unbinds its least recently used key",
  },
  maxMessagesPerAccount: { default: 10_000, what: "messages kept in one box; the oldest go first" },
  maxUpdatesPerAccount: { default: 10_000, what: "updates kept in one stream; the oldest go first" },
  maxStoredMessages: {
    default: 100_000,
    what: "messages kept in all boxes together; the oldest anywhere go first",
  },
  maxStoredUpdates: {
    default: 100_000,
    what: "updates kept in all streams together; the oldest anywhere go first",
  },
  maxContactsPerAccount: {
    default: 1_000,
    what: "contacts of one account; an import past it is refused (400 CONTACTS_TOO_MUCH)",
  },
  maxChats: { default: 20_000, what: "chats kept; one more forgets the oldest (then shown as chatEmpty)" },
  maxPendingCodes: { default: 10_000, what: "sign-in codes waiting in all; one more lapses the oldest" },
  // Above what a long run can leave behind by chance: the harness drops the code of a number it
  // finds registered, and picks numbers at random.
  maxCodesPerPhone: {
    default: 16,
    what: "keys waiting on one phone's code; one more is refused (420 FLOOD_WAIT_N)",
  },
  codeLifetimeMs: { default: 300_000, what: "how long a phone_code_hash stays valid, in ms" },
  maxForwardIds: {
    default: 100,
    what: "ids of one messages.forwardMessages (400 MESSAGE_IDS_TOO_MUCH past it)",
  },
  maxCopiesPerSend: {
    default: 1_000,
    what: "copies one send stores, messages × chat members (400 MESSAGE_IDS_TOO_MUCH past it)",
  },
  maxImportContacts: {
    default: 100,
    what: "contacts of one contacts.importContacts (400 CONTACTS_TOO_MUCH past it)",
  },
  maxUsersPerCall: {
    default: 100,
    what: "ids of one users.getUsers or contacts.deleteContacts (400 USERS_TOO_MUCH past it)",
  },
  maxChatUsers: {
    default: 100,
    what: "members of a chat, its creator included (400 USERS_TOO_MUCH past it)",
  },
  maxMessageLength: { default: 4_096, what: "characters of a message (400 MESSAGE_TOO_LONG past it)" },
  maxNameLength: {
    default: 64,
    what: "characters of a first or last name, at sign-up or in a contact medium",
  },
  maxTitleLength: { default: 128, what: "characters of a chat title (400 CHAT_TITLE_TOO_LONG past it)" },
  maxDialogs: { default: 100, what: "dialogs of one messages.getDialogs answer, whatever its limit" },
  differencePageSize: {
    default: 1_000,
    what: "updates (and users) of one updates.getDifference answer; more come as a differenceSlice",
  },
} as const satisfies Record<string, { default: number; what: string }>;

export type LimitName = keyof typeof LIMITS;
export type Limits = Record<LimitName, number>;
export const LIMIT_NAMES = Object.keys(LIMITS) as LimitName[];

export function resolveLimits(input: Partial<Record<LimitName, unknown>>): Limits {
  const limits = {} as Limits;
  for (const name of LIMIT_NAMES) {
    const value = input[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) > 0)) {
      throw new TypeError(`${name} must be a positive integer`);
    }
    limits[name] = (value as number | undefined) ?? LIMITS[name].default;
  }
  return limits;
}
