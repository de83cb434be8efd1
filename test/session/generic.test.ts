// The generic call and the checks of its answer, against the reference server: placeholders are
// the caller's own values, each check passes on the truth and fails as the scenario's first
// requirement otherwise, and a call that would change the link table is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HttpJsonBinding } from "../../src/bindings/index.ts";
import { Transcript } from "../../src/client/index.ts";
import {
  ConformanceSession,
  expectConstructor,
  expectRpcError,
  expectUserAt,
  expectValidAt,
  expectValueAt,
  genericCall,
  importNumber,
  meetInChat,
  RequirementFailure,
  ScenarioError,
} from "../../src/session/index.ts";
import { referenceServerForFile } from "../reference_server.ts";

const server = referenceServerForFile();

function session(tags = ["@REQ-CONTACTS-MUTUAL", "@REQ-S2-IMPORT", "@must"]): ConformanceSession {
  const binding = new HttpJsonBinding({ target: server.url(), timeoutMs: 5000 }, new Transcript());
  return new ConformanceSession({ binding, tags });
}

async function failsAs(id: string, check: () => unknown): Promise<void> {
  await assert.rejects(
    async () => check(),
    (error) => error instanceof RequirementFailure && error.requirementId === id,
  );
}

test("a generic call's answer passes the checks it meets and fails, as the first tag, those it does not", async () => {
  const s = session();
  await importNumber(s, "A", "B");
  await genericCall(s, "A", "contacts.getContacts", 1, '{"hash": ""}');
  expectConstructor(s, "contacts.contacts");
  await expectValueAt(s, "/contacts/0/user_id", "{B.id}");
  await expectValueAt(s, "/contacts/0/mutual", "false");
  expectUserAt(s, "/users/0", "B", "userContact", true);
  expectValidAt(s, 1);
  await failsAs("CONTACTS-MUTUAL", () => expectConstructor(s, "contacts.importedContacts"));
  await failsAs("CONTACTS-MUTUAL", () => expectValueAt(s, "/contacts/0/mutual", "true"));
  await failsAs("CONTACTS-MUTUAL", () => expectValueAt(s, "/contacts/1", "null"));
  await failsAs("CONTACTS-MUTUAL", () => expectUserAt(s, "/users/0", "B", "userContact", false));
  await failsAs("CONTACTS-MUTUAL", () => expectUserAt(s, "/users/0", "A", "userContact", true));
  await failsAs("CONTACTS-MUTUAL", () => expectRpcError(s, 400, ["PEER_ID_INVALID"]));
});

test("placeholders are the caller's own values; an rpc_error answer is judged, not thrown", async () => {
  const s = session(["@REQ-ERRORS", "@must"]);
  await meetInChat(s, ["A", "B"], "C");
  const user = '{"id": [{"_": "inputUserForeign", "user_id": {B.id}, "access_hash": "{B.access_hash}"}]}';
  await genericCall(s, "A", "users.getUsers", 1, user);
  expectUserAt(s, "/0", "B", "userForeign", false);
  await genericCall(s, "A", "users.getUsers", 1, user.replace("access_hash}", "wrong_access_hash}"));
  expectRpcError(s, 400, ["PEER_ID_INVALID", "USER_ID_INVALID"]);
  await failsAs("ERRORS", () => expectConstructor(s, "userForeign"));
  await assert.rejects(genericCall(s, "A", "users.getUsers", 1, '{"id": [{B.hash}]}'), ScenarioError);
  await assert.rejects(genericCall(s, "A", "users.getUsers", 1, "[1]"), ScenarioError);
  await assert.rejects(genericCall(s, "A", "users.getUsers", 1, '{"_": "users.getFullUser"}'), ScenarioError);
});

test("a call that would change the link table is refused, with the step to use", async () => {
  const s = session();
  await meetInChat(s, ["A", "B"], "C");
  await importNumber(s, "A", "B");
  const refused = async (method: string, fields: string, step: RegExp) =>
    assert.rejects(
      genericCall(s, "A", method, 1, fields),
      (e) => e instanceof ScenarioError && step.test(e.message),
    );
  const phone =
    '{"contacts": [{"_": "inputPhoneContact", "client_id": "1", "phone": "{C.phone}", "first_name": "C", "last_name": ""}], "replace": false}';
  await refused("contacts.importContacts", phone, /write "A imports C's number"/);
  await refused(
    "contacts.deleteContact",
    '{"id": {"_": "inputUserContact", "user_id": {B.id}}}',
    /A deletes B/,
  );
  const message =
    '{"peer": {"_": "inputPeerContact", "user_id": {B.id}}, "message": "hi", "random_id": "{random_long}"}';
  await refused("messages.sendMessage", message, /A messages B by/);
  await genericCall(
    s,
    "A",
    "messages.sendMessage",
    1,
    message.replace('"inputPeerContact", "user_id": {B.id}', '"inputPeerSelf"'),
  );
  expectConstructor(s, "messages.sentMessage");
});

test("a generic check in a scenario tagged with no requirement is the scenario's mistake", async () => {
  const s = session(["@must"]);
  await genericCall(s, "A", "updates.getState", 1);
  assert.throws(() => expectConstructor(s, "updates.state"), ScenarioError);
});
