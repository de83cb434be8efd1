// The wire-neutral core: dispatch(state, call, { sessionKey, layer }) with no HTTP at all, as a
// second front end (MTProto) will call it, with the limits in force; and the hooks that mutant
// servers build on, old and new (RevealContext.method, linkUpdates' method, afterImport's forget,
// afterCall).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type AfterCallContext,
  type CoreOptions,
  createServerState,
  dispatch,
  dispatchBody,
  type ServerState,
} from "../../src/server/index.ts";
import type { Body } from "./harness.ts";

interface Session {
  key: string;
  id: number;
  phone: string;
}

function core(options: CoreOptions = {}) {
  const state: ServerState = createServerState({ debugValidateResponses: true, ...options });
  let next = 0;
  const call = (key: string | undefined, body: Body, layer: 1 | 2 | 3 = 1) =>
    dispatch(state, body, { sessionKey: key, layer });
  const ok = (key: string | undefined, body: Body, layer: 1 | 2 | 3 = 1) => {
    const outcome = call(key, body, layer);
    assert.equal(outcome.status, 200, JSON.stringify(outcome.body));
    return outcome.body as Body;
  };
  const signUp = (): Session => {
    const phone = `999661${String(next++).padStart(4, "0")}`;
    const key = `session-${phone}`;
    const sent = ok(key, { _: "auth.sendCode", phone_number: phone, sms_type: 0, api_id: 1, api_hash: "t" });
    const signed = ok(key, {
      _: "auth.signUp",
      phone_number: phone,
      phone_code_hash: sent.phone_code_hash,
      phone_code: "11111",
      first_name: "T",
      last_name: "",
    });
    return { key, id: (signed.user as Body).id as number, phone };
  };
  const importOf = (phone: string): Body => ({
    _: "contacts.importContacts",
    contacts: [{ _: "inputPhoneContact", client_id: "1", phone, first_name: "N", last_name: "" }],
    replace: false,
  });
  const send = (from: Session, to: Session, layer: 1 | 2 | 3 = 1) =>
    ok(
      from.key,
      {
        _: "messages.sendMessage",
        peer: { _: "inputPeerContact", user_id: to.id },
        message: "hi",
        random_id: "1",
      },
      layer,
    );
  return { state, call, ok, signUp, importOf, send };
}

test("dispatch: a session key, a layer and a TL-JSON call in; a result or an rpc_error and its status out", () => {
  const { call, ok, signUp, importOf, send } = core();
  const [a, b] = [signUp(), signUp()];
  ok(a.key, importOf(b.phone));
  assert.equal(send(a, b, 3)._, "messages.sentMessageLink", "layer 3 given beside the call, not wrapped");
  assert.equal(send(a, b, 1)._, "messages.sentMessage");
  const unbound = call("no such session", { _: "updates.getState" });
  assert.deepEqual([unbound.status, (unbound.body as Body).error_message], [401, "AUTH_KEY_UNREGISTERED"]);
  const none = call(undefined, { _: "updates.getState" });
  assert.equal(none.status, 401);
  const later = call(
    a.key,
    { _: "messages.forwardMessage", peer: { _: "inputPeerSelf" }, id: 1, random_id: "1" },
    2,
  );
  assert.deepEqual([later.status, (later.body as Body).error_message], [400, "INPUT_METHOD_INVALID"]);
});

test("dispatchBody unwraps invokeWithLayerN as the TL-JSON binding sends it", () => {
  const { state, ok, signUp, importOf } = core();
  const [a, b] = [signUp(), signUp()];
  ok(a.key, importOf(b.phone));
  const wrapped = {
    _: "invokeWithLayer3",
    query: {
      _: "messages.sendMessage",
      peer: { _: "inputPeerContact", user_id: b.id },
      message: "x",
      random_id: "1",
    },
  };
  const outcome = dispatchBody(state, wrapped, { sessionKey: a.key });
  assert.deepEqual(
    [outcome.status, outcome.layer, (outcome.body as Body)._],
    [200, 3, "messages.sentMessageLink"],
  );
  const bad = dispatchBody(state, { _: "invokeWithLayer99", query: {} }, { sessionKey: a.key });
  assert.deepEqual([bad.status, (bad.body as Body).error_message], [400, "INPUT_LAYER_INVALID"]);
});

test("the limits are the core's: a front end without HTTP gets them too", () => {
  const { call, ok, signUp, importOf } = core({ maxForwardIds: 2, differencePageSize: 2 });
  const [a, b] = [signUp(), signUp()];
  ok(a.key, importOf(b.phone));
  const note = ok(a.key, {
    _: "messages.sendMessage",
    peer: { _: "inputPeerSelf" },
    message: "n",
    random_id: "1",
  });
  const forward = call(a.key, {
    _: "messages.forwardMessages",
    peer: { _: "inputPeerSelf" },
    id: [note.id, 7, 8],
  });
  // Three messages to self: three updates, more than a page of two.
  ok(a.key, { _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "m", random_id: "2" });
  ok(a.key, { _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "o", random_id: "3" });
  assert.deepEqual([forward.status, (forward.body as Body).error_message], [400, "MESSAGE_IDS_TOO_MUCH"]);
  assert.equal(ok(a.key, { _: "updates.getDifference", pts: 0, date: 0 })._, "updates.differenceSlice");
});

test("hooks: revealOnMessage and linkUpdates see the send method; an import's linkUpdates sees none", () => {
  const reveals: string[] = [];
  const links: (string | undefined)[] = [];
  const { ok, signUp, importOf, send } = core({
    hooks: {
      revealOnMessage: (c) => {
        reveals.push(c.method);
        if (c.hasContact(c.senderId, c.peerId)) c.reveal(c.peerId, c.senderId);
      },
      linkUpdates: (deliveries, c) => {
        links.push(c.method);
        return deliveries;
      },
    },
  });
  const [a, b] = [signUp(), signUp()];
  ok(a.key, importOf(b.phone));
  send(a, b);
  const media = { _: "inputMediaGeoPoint", geo_point: { _: "inputGeoPointEmpty" } };
  ok(a.key, {
    _: "messages.sendMedia",
    peer: { _: "inputPeerContact", user_id: b.id },
    media,
    random_id: "2",
  });
  assert.deepEqual(reveals, ["messages.sendMessage", "messages.sendMedia"]);
  assert.deepEqual(links, [undefined, "messages.sendMessage", "messages.sendMedia"]);
});

test("hooks: afterImport can forget, afterCall sees every successful call and can reveal or forget", () => {
  const calls: Omit<AfterCallContext, "reveal" | "forget" | "hasContact">[] = [];
  const { ok, call, signUp, importOf, send } = core({
    hooks: {
      afterImport: (c) => {
        for (const id of c.importedIds) {
          c.reveal(id, c.importerId);
          c.forget(id, c.importerId);
        }
      },
      afterCall: (c) => {
        calls.push({ method: c.method, layer: c.layer, accountId: c.accountId, call: c.call });
        // Undoes every reveal a send made: the peer never keeps the sender's number.
        if (c.method === "messages.sendMessage" && c.accountId !== undefined) {
          const peer = (c.call.peer as Body).user_id as number;
          if (c.hasContact(c.accountId, peer)) c.forget(peer, c.accountId);
        }
      },
    },
  });
  const [a, b] = [signUp(), signUp()];
  ok(a.key, importOf(b.phone));
  const seenByB = () => ok(b.key, { _: "updates.getDifference", pts: 0, date: 0 });
  assert.doesNotMatch(
    JSON.stringify(seenByB()),
    new RegExp(a.phone),
    "afterImport's forget undid its reveal",
  );
  send(a, b, 3);
  assert.doesNotMatch(
    JSON.stringify(seenByB()),
    new RegExp(a.phone),
    "afterCall's forget undid the send's reveal",
  );
  assert.equal(call(a.key, { _: "updates.getState", extra: 1 }).status, 400);
  const signUps = calls.filter((c) => c.method === "auth.signUp");
  assert.deepEqual(
    signUps.map((c) => c.accountId),
    [a.id, b.id],
    "afterCall's accountId is the account the call bound",
  );
  const sendCall = calls.find((c) => c.method === "messages.sendMessage");
  assert.deepEqual(
    [sendCall?.layer, sendCall?.accountId, sendCall?.call._],
    [3, a.id, "messages.sendMessage"],
  );
  assert.equal(
    calls.some((c) => c.call.extra !== undefined),
    false,
    "a refused call runs no afterCall",
  );
});
