// The set-up pool against the reference server: a set-up run ahead is the same work the steps
// would do (users, model, chat, transcript), one is kept ready behind the one taken, a set-up the
// target broke names the step it broke at, and one that failed a requirement is not handed out;
// after either the pool stops.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Binding, type CallOutcome, HttpJsonBinding } from "../../src/bindings/index.ts";
import { RequestScope, TargetError, Transcript } from "../../src/client/index.ts";
import { ConformanceSession, type SetupOp, SetupPool } from "../../src/session/index.ts";
import { referenceServerForFile } from "../reference_server.ts";

const server = referenceServerForFile();

/** The binding with each answer of one method changed: a target broken in one place. */
function tampered(inner: Binding, method: string, change: (outcome: CallOutcome) => CallOutcome): Binding {
  return {
    wire: inner.wire,
    target: inner.target,
    openSession(credential) {
      const session = inner.openSession(credential);
      return {
        credential: session.credential,
        async call(call, options) {
          const outcome = await session.call(call, options);
          return call._ === method ? change(outcome) : outcome;
        },
      };
    },
  };
}

function poolOf(breakIt?: (binding: Binding) => Binding): SetupPool {
  return new SetupPool(() => {
    const transcript = new Transcript();
    const scope = new RequestScope();
    const plain = new HttpJsonBinding({ target: server.url(), timeoutMs: 5000, scope }, transcript);
    return {
      session: new ConformanceSession({ binding: breakIt ? breakIt(plain) : plain }),
      transcript,
      scope,
    };
  });
}

const IMPORT_THEN_MEET: SetupOp[] = [
  { kind: "import", importer: "A", owner: "B" },
  { kind: "meet", members: ["A", "B"], maker: "C" },
];

test("a set-up run ahead holds what its steps would have done, and the next one is already under way", async () => {
  const pool = poolOf();
  const first = pool.take(IMPORT_THEN_MEET);
  const second = pool.take(IMPORT_THEN_MEET);
  assert.ok(first && second);
  const [one, two] = await Promise.all([first.ready, second.ready]);
  assert.ok(one && two && !one.broken && !two.broken);
  assert.deepEqual(one.session.names().sort(), ["A", "B", "C"]);
  assert.equal(one.session.model.hasContact("A", "B"), true);
  assert.equal(one.session.model.hasContact("C", "A"), true);
  assert.equal(one.session.model.hasContact("B", "A"), false);
  assert.equal(one.session.chatOf("C").members.length, 3);
  const methods = one.transcript.entries.map((e) => e.method);
  assert.ok(
    methods.includes("contacts.importContacts") && methods.includes("messages.createChat"),
    methods.join(),
  );
  assert.notEqual(one.session.idOf("A"), two.session.idOf("A"), "each set-up has accounts of its own");
  pool.close();
  assert.equal(pool.take(IMPORT_THEN_MEET), undefined, "a closed pool hands out nothing");
});

test("a set-up the target broke names the step it broke at, with its error; then the pool stops", async () => {
  const refused = (o: CallOutcome): CallOutcome => ({
    ...o,
    body: { _: "rpc_error", error_code: 500, error_message: "BROKEN" },
    bodyText: '{"_":"rpc_error","error_code":500,"error_message":"BROKEN"}',
    rpcError: { code: 500, message: "BROKEN" },
  });
  const pool = poolOf((b) => tampered(b, "messages.createChat", refused));
  const taken = await pool.take(IMPORT_THEN_MEET)?.ready;
  assert.ok(taken?.broken, "broken");
  assert.equal(taken.broken.at, 1, "the meeting, the second step");
  assert.ok(taken.broken.error instanceof TargetError && taken.broken.error.code === "TARGET_RPC_ERROR");
  assert.ok(taken.transcript.entries.some((e) => e.method === "messages.createChat"));
  // The two prepared behind it (the pool keeps two ahead) meet the same refusal; after that
  // nothing more is prepared.
  for (const behind of [1, 2])
    assert.ok((await pool.take(IMPORT_THEN_MEET)?.ready)?.broken, `behind ${behind}`);
  assert.equal(pool.take(IMPORT_THEN_MEET), undefined);
});

test("a set-up that failed a requirement is not handed out: the scenario runs its set-up itself", async () => {
  // An import result without its users: SCHEMA fails, a requirement the scenario's tags may name.
  const withoutUsers = (o: CallOutcome): CallOutcome => {
    const body = { ...(o.body as Record<string, unknown>) };
    delete body.users;
    return { ...o, body, bodyText: JSON.stringify(body) };
  };
  const pool = poolOf((b) => tampered(b, "contacts.importContacts", withoutUsers));
  assert.equal(await pool.take(IMPORT_THEN_MEET)?.ready, undefined);
  // The two prepared behind it fail alike and are not handed out either; then the pool stops.
  for (const behind of [1, 2])
    assert.equal(await pool.take(IMPORT_THEN_MEET)?.ready, undefined, `behind ${behind}`);
  assert.equal(pool.take(IMPORT_THEN_MEET), undefined, "stopped");
});

test("a set-up older than its age limit is dropped unused, and the pool goes on", async () => {
  const pool = new SetupPool(
    () => {
      const transcript = new Transcript();
      const scope = new RequestScope();
      const binding = new HttpJsonBinding({ target: server.url(), timeoutMs: 5000, scope }, transcript);
      return { session: new ConformanceSession({ binding }), transcript, scope };
    },
    { maxAgeMs: 0 },
  );
  const ops: SetupOp[] = [{ kind: "import", importer: "A", owner: "B" }];
  const first = await pool.take(ops)?.ready;
  await new Promise((r) => setTimeout(r, 5));
  // The one prepared behind the first is too old by now: dropped, and a fresh one made instead.
  const second = pool.take(ops);
  assert.ok(first && second);
  const fresh = await second.ready;
  assert.ok(fresh && !fresh.broken, "a fresh set-up, not a failed one");
  assert.notEqual(fresh.session.idOf("A"), first.session.idOf("A"));
  assert.ok(pool.take(ops), "dropping one did not stop the pool");
  pool.close();
});
