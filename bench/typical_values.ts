// Typical layer-3 answers the benchmarks measure: the send's result of scenario 1 (a
// statedMessageLink with its users and link) and an updates.getDifference answer of about 4 kB.
const user = (id: number, kind: string, phone?: string) => ({
  _: kind,
  id,
  first_name: "Alice",
  last_name: "T",
  access_hash: "-6592584510880818223",
  ...(phone ? { phone } : {}),
  photo: { _: "userProfilePhotoEmpty" },
  status: { _: "userStatusEmpty" },
});

const link = (id: number) => ({
  _: "contacts.link",
  my_link: { _: "contacts.myLinkRequested", contact: true },
  foreign_link: { _: "contacts.foreignLinkUnknown" },
  user: user(id, "userContact", "9996623958"),
});

const message = (id: number, text: string) => ({
  _: "message",
  id,
  from_id: 1001,
  to_id: { _: "peerUser", user_id: 1002 },
  out: true,
  unread: true,
  date: 1795487169,
  message: text,
  media: {
    _: "messageMediaContact",
    phone_number: "9996612345",
    first_name: "Alice",
    last_name: "T",
    user_id: 1001,
  },
});

export const STATED_MESSAGE_LINK = {
  _: "messages.statedMessageLink",
  message: message(7, ""),
  chats: [],
  users: [user(1001, "userContact", "9996612345"), user(1002, "userForeign")],
  links: [link(1002)],
  pts: 3,
  seq: 3,
};

export const DIFFERENCE = {
  _: "updates.difference",
  new_messages: Array.from({ length: 36 }, (_, i) =>
    message(100 + i, `message number ${i} of the difference`),
  ),
  other_updates: Array.from({ length: 4 }, (_, i) => ({
    _: "updateContactLink",
    user_id: 2000 + i,
    my_link: { _: "contacts.myLinkContact" },
    foreign_link: { _: "contacts.foreignLinkRequested", has_phone: true },
  })),
  chats: [],
  users: Array.from({ length: 8 }, (_, i) =>
    i % 2 ? user(1001 + i, "userForeign") : user(1001 + i, "userContact", "9996612345"),
  ),
  state: { _: "updates.state", pts: 40, date: 1795487169, seq: 12, unread_count: 3 },
};
