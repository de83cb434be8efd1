// The commands fast-check draws from, weighted so a history mostly brings users together and
// sends between them: imports, imports from a card, deletes by both methods, private sends of
// every kind at every layer (forwardMessage only at layer 3, where it exists), sends to chats,
// chats of two or three members made by another user, sign-ins on a new key.
import fc from "fast-check";
import { ADDRESSING_METHODS, badInputsFor, type DeleteMethod, type SendKind } from "../session/index.ts";
import type { Layer } from "../tl/index.ts";
import {
  chatSendAction,
  deleteContactAction,
  importFromCardAction,
  importNumberAction,
  meetInChatAction,
  type Plan,
  privateSendAction,
  refusedAddressingAction,
  signInAction,
} from "./actions/index.ts";
import { ExploreCommand } from "./command.ts";
import { anyRole, distinctRoles, ROLE_CHOICES } from "./roles.ts";

const role = fc.nat(ROLE_CHOICES - 1);
const layer = fc.constantFrom<Layer>(1, 2, 3);
const sendKind = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constantFrom<SendKind>("message", "contact", "geo", "forwards"), layer }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant<SendKind>("forward"), layer: fc.constant<Layer>(3) }),
  },
);
const deleteMethod = fc.constantFrom<DeleteMethod>("contacts.deleteContact", "contacts.deleteContacts");

const command = (label: string, plan: Plan) => new ExploreCommand(plan, label);

/** A pair of distinct users, then the action on them. */
function onPair(label: string, make: (a: string, b: string) => ReturnType<Plan>) {
  return fc.tuple(role, role).map(([x, y]) =>
    command(`${label}(${x}, ${y})`, (users) => {
      const pair = distinctRoles(users, [x, y]);
      return pair && make(pair[0] as string, pair[1] as string);
    }),
  );
}

const privateSend = fc
  .record({ send: sendKind, sender: role, peer: role, extra: fc.option(role, { nil: undefined }) })
  .map(({ send, sender, peer, extra }) =>
    command(`send(${send.kind}, ${send.layer}, ${sender}, ${peer}, ${extra})`, (users) => {
      const pair = distinctRoles(users, [sender, peer]);
      if (!pair) return undefined;
      const [from, to] = pair as [string, string];
      const card = send.kind === "contact" && extra !== undefined ? anyRole(users, extra) : undefined;
      const forwarded =
        (send.kind === "forward" || send.kind === "forwards") && extra !== undefined
          ? distinctRoles(users, [sender, extra])?.[1]
          : undefined;
      return privateSendAction({
        ...send,
        sender: from,
        peer: to,
        ...(card !== undefined && card !== from ? { cardOf: card } : {}),
        ...(forwarded !== undefined ? { forwardFrom: forwarded } : {}),
      });
    }),
  );

const chatSend = fc
  .record({ send: sendKind, sender: role, maker: role })
  .map(({ send, sender, maker }) =>
    command(`chat(${send.kind}, ${send.layer}, ${sender}, ${maker})`, (users) =>
      chatSendAction(send.kind, send.layer, anyRole(users, sender), anyRole(users, maker)),
    ),
  );

const meet = fc.tuple(role, fc.array(role, { minLength: 2, maxLength: 3 })).map(([maker, members]) =>
  command(`meet(${maker}, ${members.join(", ")})`, (users) => {
    const chosen = distinctRoles(users, [maker, ...members]);
    return chosen && meetInChatAction(chosen.slice(1), chosen[0] as string);
  }),
);

const remove = fc.tuple(role, role, deleteMethod).map(([x, y, method]) =>
  command(`delete(${x}, ${y}, ${method})`, (users) => {
    const pair = distinctRoles(users, [x, y]);
    return pair && deleteContactAction(pair[0] as string, pair[1] as string, method);
  }),
);

const signIn = role.map((x) => command(`signIn(${x})`, (users) => signInAction(anyRole(users, x))));

// Every method that names a user or peer with every input of its kind (peers for the sends,
// users for the rest), so each pair is drawn as often as any other.
const refusablePairs = ADDRESSING_METHODS.flatMap((method) =>
  badInputsFor(method).map((input) => ({ method, input })),
);

const refused = fc.tuple(role, role, fc.constantFrom(...refusablePairs)).map(([x, y, { method, input }]) =>
  command(`refused(${x}, ${y}, ${method}, ${input})`, (users) => {
    const pair = distinctRoles(users, [x, y]);
    return (
      pair && refusedAddressingAction({ caller: pair[0] as string, named: pair[1] as string, method, input })
    );
  }),
);

/** Every command, weighted. */
export const exploreCommand: fc.Arbitrary<ExploreCommand> = fc.oneof(
  { weight: 4, arbitrary: onPair("import", importNumberAction) },
  { weight: 2, arbitrary: onPair("importFromCard", importFromCardAction) },
  { weight: 2, arbitrary: remove },
  { weight: 8, arbitrary: privateSend },
  { weight: 2, arbitrary: chatSend },
  { weight: 1, arbitrary: meet },
  { weight: 1, arbitrary: signIn },
  { weight: 2, arbitrary: refused },
);
