// Random sequences of imports and messages among three users, checked after every command
// against a model of the spec: each viewer sees each other user with the constructor the model
// says, phones only where the model allows, a revealed number stays revealed, and layers 1-2
// never see a *Link constructor.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  type Body,
  importOf,
  inputPeer,
  inputUser,
  meet,
  message,
  serverForThisFile,
  type TestAccount,
} from "./harness.ts";

const serverOf = serverForThisFile();

type Command =
  | { kind: "import"; by: number; of: number }
  | { kind: "message"; from: number; to: number; layer: 1 | 2 | 3 };

const pair = fc
  .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))
  .filter(([x, y]) => x !== y);
const command: fc.Arbitrary<Command> = fc.oneof(
  pair.map(([by, of]) => ({ kind: "import" as const, by, of })),
  fc
    .tuple(pair, fc.constantFrom(1 as const, 2 as const, 3 as const))
    .map(([[from, to], layer]) => ({ kind: "message" as const, from, to, layer })),
);

class Model {
  readonly contacts = new Set<string>();
  readonly revealed = new Set<string>();
  has(u: number, o: number) {
    return this.contacts.has(`${u}>${o}`);
  }
  sees(u: number, o: number) {
    return this.has(u, o) || this.revealed.has(`${u}>${o}`);
  }
  kind(u: number, o: number) {
    return this.has(u, o) ? "userContact" : this.sees(u, o) ? "userRequest" : "userForeign";
  }
}

function phonesIn(body: unknown): string {
  return JSON.stringify(body);
}

test("random imports and messages keep every view as the spec's model says", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
      const users: TestAccount[] = [
        await serverOf().signUp(),
        await serverOf().signUp(),
        await serverOf().signUp(),
      ];
      const model = new Model();
      // User 0 makes a chat with 1 and 2 (importing them), so everyone can address everyone.
      await meet(serverOf(), users[0] as TestAccount, users[1] as TestAccount, users[2] as TestAccount);
      model.contacts.add("0>1").add("0>2");
      for (const c of commands) {
        if (c.kind === "import") {
          const [by, of] = [users[c.by] as TestAccount, users[c.of] as TestAccount];
          await serverOf().ok(by, importOf(of.phone));
          model.contacts.add(`${c.by}>${c.of}`);
        } else {
          const [from, to] = [users[c.from] as TestAccount, users[c.to] as TestAccount];
          if (model.has(c.from, c.to)) model.revealed.add(`${c.to}>${c.from}`);
          if (model.has(c.to, c.from)) model.revealed.add(`${c.from}>${c.to}`);
          const result = await serverOf().ok(from, message(inputPeer(from, to)), c.layer);
          if (c.layer < 3) assert.equal(result._, "messages.sentMessage");
          await serverOf().ok(to, { _: "updates.getDifference", pts: 0, date: 0 });
        }
        for (const [v, viewer] of users.entries()) {
          for (const [o, other] of users.entries()) {
            if (v === o) continue;
            const got = await serverOf().ok(viewer, { _: "users.getUsers", id: [inputUser(viewer, other)] });
            const user = (got as unknown as Body[])[0] as Body;
            assert.equal(user._, model.kind(v, o), `${v} sees ${o} after ${JSON.stringify(commands)}`);
            const dialogs = await serverOf().ok(viewer, {
              _: "messages.getDialogs",
              offset: 0,
              max_id: 0,
              limit: 100,
            });
            if (!model.sees(v, o))
              assert.ok(!phonesIn([got, dialogs]).includes(other.phone), `${v} must not get ${o}'s phone`);
          }
        }
      }
    }),
    { numRuns: 15 },
  );
});
