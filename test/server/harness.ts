// Talks to a reference server over real HTTP with fetch: the server's tests use nothing of the
// harness (src/client, support/), so neither can pass because of the other.
import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { after, before } from "node:test";
import {
  type RunningServer,
  type ServerOptions,
  startServer,
  type TlObject,
} from "../../src/server/index.ts";

export type Body = TlObject & Record<string, unknown>;

export interface TestAccount {
  key: string;
  id: number;
  phone: string;
  /** The latest User object this account got for each user id. */
  views: Map<number, Body>;
}

export class TestServer {
  private constructor(readonly server: RunningServer) {}

  static async start(options: ServerOptions = {}): Promise<TestServer> {
    return new TestServer(await startServer({ debugValidateResponses: true, ...options }));
  }

  close(): Promise<void> {
    return this.server.close();
  }

  async raw(
    body: string | Uint8Array,
    key?: string,
    /** null: no Content-Type header at all (fetch then sends text/plain for a string). */
    contentType: string | null = "application/json",
  ): Promise<{ status: number; body: unknown; contentType: string }> {
    const headers: Record<string, string> = contentType === null ? {} : { "content-type": contentType };
    if (key) headers.authorization = `Bearer ${key}`;
    const answer = await fetch(`${this.server.url}/rpc`, { method: "POST", headers, body });
    const text = await answer.text();
    return {
      status: answer.status,
      body: JSON.parse(text),
      contentType: answer.headers.get("content-type") ?? "",
    };
  }

  /** A call at a layer; learns the users of the answer into the account's views. */
  async call(
    account: TestAccount | string | undefined,
    call: Record<string, unknown>,
    layer: 1 | 2 | 3 = 1,
  ): Promise<{ status: number; body: Body }> {
    const wire = layer === 1 ? call : { _: `invokeWithLayer${layer}`, query: call };
    const key = typeof account === "string" ? account : account?.key;
    const answer = await this.raw(JSON.stringify(wire), key);
    if (typeof account === "object") learn(account, answer.body);
    return answer as { status: number; body: Body };
  }

  async ok(account: TestAccount, call: Record<string, unknown>, layer: 1 | 2 | 3 = 1): Promise<Body> {
    const answer = await this.call(account, call, layer);
    if (answer.status !== 200)
      throw new Error(`${String(call._)} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async signUp(): Promise<TestAccount> {
    for (;;) {
      const phone = `99966${randomInt(1, 10)}${String(randomInt(0, 10_000)).padStart(4, "0")}`;
      const key = newKey();
      const sent = await this.call(key, sendCode(phone));
      if (sent.body.phone_registered) continue;
      const signed = await this.call(key, signUpCall(phone, sent.body.phone_code_hash));
      if (signed.status !== 200)
        throw new Error(`auth.signUp → ${signed.status} ${JSON.stringify(signed.body)}`);
      return { key, id: (signed.body.user as Body).id as number, phone, views: new Map() };
    }
  }
}

export const newKey = () => randomBytes(32).toString("hex");

export const sendCode = (phone: string) => ({
  _: "auth.sendCode",
  phone_number: phone,
  sms_type: 0,
  api_id: 1,
  api_hash: "t",
});

/** The code of a test number: its sixth digit five times (docs/binding.md). */
const codeOf = (phone: string) => (phone[5] ?? "").repeat(5);

export const signUpCall = (phone: string, hash: unknown, names = { first_name: "T", last_name: "" }) => ({
  _: "auth.signUp",
  phone_number: phone,
  phone_code_hash: hash,
  phone_code: codeOf(phone),
  ...names,
});

export const signInCall = (phone: string, hash: unknown) => ({
  _: "auth.signIn",
  phone_number: phone,
  phone_code_hash: hash,
  phone_code: codeOf(phone),
});

/** Asserts an answer is the rpc_error (status, message) of the binding, as JSON. */
export function assertRpcError(
  answer: { status: number; body: unknown },
  status: number,
  message: string,
): void {
  const error = answer.body as Body;
  assert.deepEqual(
    { status: answer.status, _: error._, code: error.error_code, message: error.error_message },
    { status, _: "rpc_error", code: status, message },
  );
}

function learn(account: TestAccount, body: unknown): void {
  const stack = [body];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null) continue;
    const o = item as Body;
    if (typeof o._ === "string" && /^user(Contact|Request|Foreign)$/.test(o._))
      account.views.set(o.id as number, o);
    stack.push(...Object.values(o));
  }
}

export function inputUser(from: TestAccount, to: TestAccount): Body {
  const view = from.views.get(to.id);
  if (!view) throw new Error(`${from.id} has never seen ${to.id}`);
  return view._ === "userContact"
    ? { _: "inputUserContact", user_id: to.id }
    : { _: "inputUserForeign", user_id: to.id, access_hash: view.access_hash };
}

export function inputPeer(from: TestAccount, to: TestAccount): Body {
  const user = inputUser(from, to);
  return user._ === "inputUserContact"
    ? { _: "inputPeerContact", user_id: to.id }
    : { _: "inputPeerForeign", user_id: to.id, access_hash: user.access_hash };
}

export const importOf = (phone: string) => ({
  _: "contacts.importContacts",
  contacts: [
    { _: "inputPhoneContact", client_id: String(randomInt(1, 1e9)), phone, first_name: "N", last_name: "" },
  ],
  replace: false,
});

export const message = (to: Body, text = "hi") => ({
  _: "messages.sendMessage",
  peer: to,
  message: text,
  random_id: String(randomInt(1, 1e9)),
});

/** A chat made by `maker` with a and b, after which every participant has seen the others. */
export async function meet(
  server: TestServer,
  maker: TestAccount,
  a: TestAccount,
  b: TestAccount,
): Promise<void> {
  for (const x of [a, b]) if (!maker.views.has(x.id)) await server.ok(maker, importOf(x.phone));
  await server.ok(maker, {
    _: "messages.createChat",
    users: [inputUser(maker, a), inputUser(maker, b)],
    title: "t",
  });
  for (const x of [a, b]) await server.ok(x, { _: "updates.getDifference", pts: 0, date: 0 });
}

/** Link pair and user constructor of `viewer`'s link to `other`, as "myLink/foreignLink/user". */
export async function linkOf(server: TestServer, viewer: TestAccount, other: TestAccount): Promise<string> {
  const full = await server.ok(viewer, { _: "users.getFullUser", id: inputUser(viewer, other) });
  const link = full.link as Body;
  const show = (o: Body) =>
    `${String(o._).replace("contacts.", "")}${Object.entries(o)
      .filter(([k]) => k !== "_")
      .map(([k, v]) => `(${k}=${String(v)})`)
      .join("")}`;
  return `${show(link.my_link as Body)} ${show(link.foreign_link as Body)} ${String((link.user as Body)._)}`;
}

/** A reference server for the test file: started before its tests, closed after. */
export function serverForThisFile(): () => TestServer {
  let server: TestServer | undefined;
  before(async () => {
    server = await TestServer.start();
  });
  after(() => server?.close());
  return () => {
    if (!server) throw new Error("the server starts in before()");
    return server;
  };
}
