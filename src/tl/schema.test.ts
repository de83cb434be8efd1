// The "done means" of the schemas: layer gating, TL-JSON value rules, and messages that name the
// pointer and the allowed constructors. Also: the published files are current and valid 2020-12.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { LAYERS, layerSchema, validateRpcError } from "./index.ts";
import { publishedSchemaPath, publishedSchemaText } from "./published_schemas.ts";
import { layerDocument } from "./schema_registry.ts";

const user = {
  _: "userContact",
  id: 7,
  first_name: "A",
  last_name: "",
  access_hash: "-42",
  phone: "9996612345",
  photo: { _: "userProfilePhotoEmpty" },
  status: { _: "userStatusEmpty" },
};
const link = {
  _: "contacts.link",
  my_link: { _: "contacts.myLinkContact" },
  foreign_link: { _: "contacts.foreignLinkUnknown" },
  user,
};
const sentLink = { _: "messages.sentMessageLink", id: 1, date: 2, pts: 3, seq: 4, links: [link] };

function summary(v: ReturnType<ReturnType<typeof layerSchema>["validateResult"]>): string {
  return v.ok ? "ok" : v.summary;
}

test("sentMessageLink is a messages.SentMessage at layer 3 only", () => {
  assert.equal(summary(layerSchema(3).validateResult("messages.sendMessage", sentLink)), "ok");
  assert.equal(summary(layerSchema(3).validateType("messages.SentMessage", sentLink)), "ok");
  for (const layer of [1, 2] as const) {
    const v = layerSchema(layer).validateResult("messages.sendMessage", sentLink);
    assert.match(
      summary(v),
      /^\/: unknown constructor "messages\.sentMessageLink" for type messages\.SentMessage; allowed: messages\.sentMessage$/,
    );
  }
});

test("value rules: long as string in range, int in 32 bits, no extra or missing field", () => {
  const l3 = layerSchema(3);
  const withUser = (u: object) => ({ ...sentLink, links: [{ ...link, user: u }] });
  const cases: [object, RegExp][] = [
    [
      withUser({ ...user, access_hash: -42 }),
      /^\/links\/0\/user\/access_hash: must be a decimal string within the signed 64-bit range/,
    ],
    [withUser({ ...user, access_hash: "9223372036854775808" }), /^\/links\/0\/user\/access_hash: /],
    [
      withUser({ ...user, id: 2 ** 31 }),
      /^\/links\/0\/user\/id: must be a JSON integer within the signed 32-bit range/,
    ],
    [{ ...sentLink, extra: 1 }, /^\/: unexpected field "extra"/],
    [{ _: "messages.sentMessageLink", id: 1, date: 2, pts: 3, seq: 4 }, /^\/: missing field "links"/],
    [
      withUser({ ...user, _: "userFoo" }),
      /^\/links\/0\/user: unknown constructor "userFoo" for type User; allowed: userEmpty, userSelf, userContact, userRequest, userForeign, userDeleted/,
    ],
  ];
  for (const [value, expected] of cases)
    assert.match(summary(l3.validateResult("messages.sendMessage", value)), expected);
  for (const inRange of ["-9223372036854775808", "9223372036854775807", "999999999999999999", "-1", "0"])
    assert.equal(summary(l3.validateType("long", inRange)), "ok", inRange);
  for (const outOfRange of ["9223372036854775808", "-9223372036854775809", "-0", "01", "1e3"])
    assert.notEqual(summary(l3.validateType("long", outOfRange)), "ok", outOfRange);
});

test("calls, vectors and rpc_error", () => {
  const l1 = layerSchema(1);
  assert.equal(summary(l1.validateParams({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] })), "ok");
  assert.match(
    summary(
      l1.validateParams({
        _: "messages.forwardMessage",
        peer: { _: "inputPeerSelf" },
        id: 1,
        random_id: "1",
      }),
    ),
    /not a method of layer 1/,
  );
  assert.match(summary(l1.validateParams({ _: "userEmpty", id: 1 })), /not a method of layer 1/);
  assert.match(summary(l1.validateParams([1])), /must be a JSON object/);
  assert.equal(summary(l1.validateResult("users.getUsers", [user])), "ok");
  assert.equal(summary(l1.validateResult("contacts.deleteContacts", true)), "ok");
  assert.equal(
    summary(l1.validateResult("users.getUsers", { _: "rpc_error", error_code: 400, error_message: "X" })),
    "ok",
  );
  assert.equal(validateRpcError({ _: "rpc_error", error_code: 400, error_message: "X" }).ok, true);
  assert.equal(validateRpcError({ _: "rpc_error", error_code: "400", error_message: "X" }).ok, false);
});

test("schema/json is what scripts/generate-schemas.ts writes (else run `npm run generate`)", () => {
  for (const layer of LAYERS)
    assert.equal(
      readFileSync(publishedSchemaPath(layer), "utf8"),
      publishedSchemaText(layer),
      `schema/json/layer${layer}.json is stale`,
    );
});

test("every layer document is a valid draft 2020-12 schema", () => {
  const ajv = new Ajv2020({ strict: false });
  for (const layer of LAYERS)
    assert.equal(ajv.validateSchema(layerDocument(layer)), true, JSON.stringify(ajv.errors));
});
