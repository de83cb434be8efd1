// Proof with code nobody here wrote: mtcute (@mtcute/core and @mtcute/node 0.30.3), a
// third-party MTProto 2.0 client, creates auth keys with the reference server on every transport
// both speak, with both RSA schemes, and runs scenario 1 end to end at layer 3 over the real
// wire. The server's framing, key exchange, encryption, sessions and service messages must
// satisfy a client whose authors never saw them.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { Long } from "@mtcute/core";
import { createServerState, startMtprotoServer, TEST_RSA_PUBLIC_KEY_PATH } from "../../src/server/index.ts";

import {
  MTCUTE_TRANSPORTS,
  type MtValue,
  mtcuteClient,
  mtcuteFindsKey,
  serverFaults,
  trustServerKey,
} from "./mtcute_client.ts";

type Server = Awaited<ReturnType<typeof startMtprotoServer>>;
let server: Server;

// The repository's published TEST key, as a user of mtcute would be handed it: the PEM block
// alone (mtcute's parser takes no comment lines). mtcute computes the fingerprint itself, so the
// handshake also checks the one the server announces in resPQ.
const TEST_KEY_PEM = /-----BEGIN RSA PUBLIC KEY-----[^-]+-----END RSA PUBLIC KEY-----/.exec(
  readFileSync(TEST_RSA_PUBLIC_KEY_PATH, "utf8"),
)?.[0];

/**
 * mtcute pings in a flush once `performance.now()` is past its ping delay (2 s while calls are
 * pending), and performance.now() counts from the start of the process: a test that begins in a
 * young process would see no ping, so no pong, in mtcute's first flush. Waiting out the process's
 * first 2 s (idle, no CPU) makes the first flush carry a ping every time.
 */
const MTCUTE_FIRST_PING_AGE_MS = 2_100;

before(async () => {
  assert.ok(TEST_KEY_PEM, "a PKCS#1 PEM block in the repository's test public key file");
  server = await startMtprotoServer(createServerState());
  await trustServerKey(TEST_KEY_PEM);
  const young = MTCUTE_FIRST_PING_AGE_MS - performance.now();
  if (young > 0) await new Promise((resolve) => setTimeout(resolve, young));
});

after(() => server.close());

/** Room for a key exchange mtcute has to redo (MTCUTE_KNOWN_FAULT) and a call of 8 s at most. */
const TEST_TIMEOUT_MS = 15_000;

function sendCode(phone: string): MtValue {
  return { _: "auth.sendCode", phoneNumber: phone, smsType: 0, apiId: 1, apiHash: "tl-conformance" };
}

/** The code of a test number 99966XYYYY: X five times (docs/binding.md). */
const codeOf = (phone: string) => phone.charAt(5).repeat(5);

function isValue(value: unknown): value is MtValue {
  return typeof value === "object" && value !== null && typeof (value as MtValue)._ === "string";
}

/** `value` as the TL object `name`, or the test fails saying where. */
function object(value: unknown, name: string, where: string): MtValue {
  assert.ok(isValue(value), `${where}: not a TL object: ${JSON.stringify(value)}`);
  assert.equal(value._, name, `${where}: ${JSON.stringify(value)}`);
  return value;
}

function list(value: unknown, where: string): unknown[] {
  assert.ok(Array.isArray(value), `${where}: not a vector`);
  return value;
}

for (const [name, transport] of Object.entries(MTCUTE_TRANSPORTS)) {
  test(`mtcute creates an auth key and calls at layer 3 over ${name}`, {
    timeout: TEST_TIMEOUT_MS,
  }, async () => {
    const mt = mtcuteClient(server.port, transport);
    try {
      const sent = object(await mt.first(sendCode("9996610001")), "auth.sentCode", "auth.sendCode");
      assert.equal(sent.phoneRegistered, false);
      assert.match(String(sent.phoneCodeHash), /^\S+$/);
      // A second call on the same key and session, wrapped by hand: the layer-3 wrapper.
      const again = object(await mt.layer3(sendCode("9996610002")), "auth.sentCode", "auth.sendCode");
      assert.notEqual(again.phoneCodeHash, sent.phoneCodeHash);
      const key = await mt.storage.authKeys.get(2);
      assert.equal(key?.length, 256, "mtcute holds a 2048-bit auth key for the server");
      // mtcute's first flush carries a ping and get_future_salts beside the calls, in a container.
      for (const service of ["mt_new_session_created", "mt_pong", "mt_future_salts"]) {
        assert.ok(mt.seen.received.has(service), `mtcute received ${service}: ${[...mt.seen.received]}`);
      }
      assert.deepEqual(serverFaults(mt), []);
    } finally {
      await mt.close();
    }
  });
}

test("mtcute creates an auth key with a server given a key of its own", {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  // As a vendor runs it: another RSA-2048 key, whose public half is all the client is given;
  // drawn again while its fingerprint is one mtcute cannot look up (mtcuteFindsKey).
  const draw = () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = (key: typeof privateKey) => key.export({ type: "pkcs1", format: "pem" }).toString();
    return { privatePem: pem(privateKey), publicPem: pem(publicKey) };
  };
  let key = draw();
  while (!(await mtcuteFindsKey(key.publicPem))) key = draw();
  const own = await startMtprotoServer(createServerState(), { rsaPrivateKeyPem: key.privatePem });
  await trustServerKey(key.publicPem);
  const mt = mtcuteClient(own.port, MTCUTE_TRANSPORTS.intermediate ?? assert.fail());
  try {
    object(await mt.first(sendCode("9996610004")), "auth.sentCode", "auth.sendCode");
    assert.deepEqual(serverFaults(mt), []);
  } finally {
    await mt.close();
    await own.close();
  }
});

test("mtcute creates an auth key with the older SHA1 RSA scheme", { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await trustServerKey(TEST_KEY_PEM ?? assert.fail(), true);
  t.after(() => trustServerKey(TEST_KEY_PEM ?? assert.fail()));
  const mt = mtcuteClient(server.port, MTCUTE_TRANSPORTS.intermediate ?? assert.fail());
  try {
    object(await mt.first(sendCode("9996610003")), "auth.sentCode", "auth.sendCode");
    assert.deepEqual(serverFaults(mt), []);
  } finally {
    await mt.close();
  }
});

// Long and repetitive: mtcute sends a call over 128 bytes as gzip_packed when that is smaller.
const TEXT = "hello from mtcute, ".repeat(12);

/**
 * Scenario 1 through two mtcute clients on `port`; fails (AssertionError) wherever the server's
 * answers depart from docs/semantics.md.
 */
async function scenarioOne(port: number, phoneA: string, phoneB: string): Promise<void> {
  const transports = Object.values(MTCUTE_TRANSPORTS);
  // A and B on different transports, so the scenario crosses them.
  const a = mtcuteClient(port, transports[0] ?? assert.fail());
  const b = mtcuteClient(port, transports[transports.length - 1] ?? assert.fail());
  try {
    const signUp = async (mt: typeof a, phone: string, firstName: string) => {
      const sent = object(await mt.first(sendCode(phone)), "auth.sentCode", `auth.sendCode ${phone}`);
      const auth = await mt.layer3({
        _: "auth.signUp",
        phoneNumber: phone,
        phoneCodeHash: sent.phoneCodeHash,
        phoneCode: codeOf(phone),
        firstName,
        lastName: "Interop",
      });
      return object(object(auth, "auth.authorization", "auth.signUp").user, "userSelf", "auth.signUp user");
    };
    const [selfA, selfB] = await Promise.all([signUp(a, phoneA, "Alice"), signUp(b, phoneB, "Bob")]);
    assert.equal(selfA.phone, phoneA);
    assert.notEqual(selfA.id, selfB.id);

    const imported = object(
      await a.layer3({
        _: "contacts.importContacts",
        contacts: [
          { _: "inputPhoneContact", clientId: Long.fromInt(1), phone: phoneB, firstName: "B", lastName: "" },
        ],
        replace: false,
      }),
      "contacts.importedContacts",
      "contacts.importContacts",
    );
    const importedB = object(list(imported.imported, "imported")[0], "importedContact", "imported[0]");
    assert.equal(importedB.userId, selfB.id);
    const contactB = object(list(imported.users, "users")[0], "userContact", "imported users[0]");
    assert.equal(contactB.phone, phoneB);

    const sent = object(
      await a.layer3({
        _: "messages.sendMessage",
        peer: { _: "inputPeerContact", userId: selfB.id },
        message: TEXT,
        randomId: Long.fromBits(0x1234_5678, 0x0abc_def0),
      }),
      "messages.sentMessageLink",
      "messages.sendMessage at layer 3",
    );
    assert.ok(a.seen.gzipped.has("invokeWithLayer3"), "mtcute sent the message in gzip_packed");
    const links = list(sent.links, "sentMessageLink.links");
    assert.equal(links.length, 1, "one link: A's link to B, which the send changed");
    const link = object(links[0], "contacts.link", "links[0]");
    assert.deepEqual(object(link.myLink, "contacts.myLinkRequested", "my_link"), {
      _: "contacts.myLinkRequested",
      contact: true,
    });
    object(link.foreignLink, "contacts.foreignLinkUnknown", "foreign_link");
    assert.equal(object(link.user, "userContact", "link user").id, selfB.id);

    // B's dialogs show A as userRequest with A's phone (S1-REVEAL).
    const dialogs = object(
      await b.layer3({ _: "messages.getDialogs", offset: 0, maxId: 0, limit: 10 }),
      "messages.dialogs",
      "messages.getDialogs",
    );
    const aInDialogs = list(dialogs.users, "dialogs users")
      .filter(isValue)
      .find((user) => user.id === selfA.id);
    assert.ok(aInDialogs, "A is among the users of B's dialogs");
    object(aInDialogs, "userRequest", "A in B's dialogs");
    assert.equal(aInDialogs.phone, phoneA);
    const message = object(list(dialogs.messages, "dialogs messages")[0], "message", "dialogs messages[0]");
    assert.equal(message.message, TEXT);
    assert.equal(message.fromId, selfA.id);

    // And so does users.getUsers with the access hash B was given.
    const users = list(
      await b.layer3({
        _: "users.getUsers",
        id: [{ _: "inputUserForeign", userId: selfA.id, accessHash: aInDialogs.accessHash }],
      }),
      "users.getUsers",
    );
    assert.equal(users.length, 1);
    const aByB = object(users[0], "userRequest", "users.getUsers A");
    assert.equal(aByB.phone, phoneA);
    assert.equal(aByB.firstName, "Alice");
    assert.deepEqual([...serverFaults(a), ...serverFaults(b)], []);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

test(
  "scenario 1 over mtcute: A imports B, messages B at layer 3, B sees A with A's phone",
  {
    timeout: TEST_TIMEOUT_MS,
  },
  () => scenarioOne(server.port, "9996630001", "9996640002"),
);

test("the mtcute scenario fails against a server whose messages reveal no number", {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const noReveal = await startMtprotoServer(createServerState({ hooks: { revealOnMessage: () => {} } }));
  try {
    // The send changes no link there, so it answers sentMessage where sentMessageLink is due.
    await assert.rejects(scenarioOne(noReveal.port, "9996630001", "9996640002"), {
      name: "AssertionError",
      message: /^messages\.sendMessage at layer 3: \{"_":"messages\.sentMessage"/,
    });
  } finally {
    await noReveal.close();
  }
});
