// Each way a TL-JSON value can be wrong gives its own code and the JSON pointer of the value.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertTlError } from "../../../test/tl/assert_tl_error.ts";
import { layerCodec, type TlEncodeErrorCode } from "../index.ts";

const codec = layerCodec(3);

function fails(type: string, value: unknown, code: TlEncodeErrorCode, path: string): void {
  assertTlError(() => codec.encode(type, value), code, { path });
}

const user = {
  _: "userContact",
  id: 7,
  first_name: "A",
  last_name: "B",
  access_hash: "-42",
  phone: "9996612345",
  photo: { _: "userProfilePhotoEmpty" },
  status: { _: "userStatusEmpty" },
};
const users = (u: unknown) => ({ _: "contacts.found", results: [], users: [user, u] });

test("values of the wrong JSON kind or out of range", () => {
  fails("User", { ...user, id: 2 ** 31 }, "TL_ENCODE_BAD_VALUE", "/id");
  fails("User", { ...user, id: 1.5 }, "TL_ENCODE_BAD_VALUE", "/id");
  fails("User", { ...user, id: "7" }, "TL_ENCODE_BAD_VALUE", "/id");
  fails(
    "contacts.Found",
    users({ ...user, access_hash: -42 }),
    "TL_ENCODE_BAD_VALUE",
    "/users/1/access_hash",
  );
  for (const long of ["9223372036854775808", "-0", "007", "1e3", " 1", ""]) {
    fails("User", { ...user, access_hash: long }, "TL_ENCODE_BAD_VALUE", "/access_hash");
  }
  fails("User", { ...user, first_name: "\ud800" }, "TL_ENCODE_BAD_VALUE", "/first_name");
  fails(
    "MessageMedia",
    { _: "messageMediaUnsupported", bytes: "not base64!" },
    "TL_ENCODE_BAD_VALUE",
    "/bytes",
  );
  fails("MessageMedia", { _: "messageMediaUnsupported", bytes: "QQ" }, "TL_ENCODE_BAD_VALUE", "/bytes");
  fails("Bool", 1, "TL_ENCODE_BAD_VALUE", "");
  fails("Vector<int>", [1, "2"], "TL_ENCODE_BAD_VALUE", "/1");
  fails("Vector<int>", { length: 0 }, "TL_ENCODE_BAD_VALUE", "");
  fails("!X", { _: "req_pq_multi", nonce: "00".repeat(15) }, "TL_ENCODE_BAD_VALUE", "/nonce");
  fails("!X", { _: "req_pq_multi", nonce: "AB".repeat(16) }, "TL_ENCODE_BAD_VALUE", "/nonce");
  fails("User", null, "TL_ENCODE_BAD_VALUE", "");
});

test("unknown names, names of another type, missing and extra fields", () => {
  fails("User", { ...user, _: "userNobody" }, "TL_ENCODE_UNKNOWN_NAME", "");
  fails("User", { _: "peerUser", user_id: 1 }, "TL_ENCODE_WRONG_TYPE", "");
  fails("!X", { _: "userEmpty", id: 1 }, "TL_ENCODE_WRONG_TYPE", "");
  fails("Object", { _: "boolTrue" }, "TL_ENCODE_BAD_VALUE", "");
  const { phone: _, ...noPhone } = user;
  fails("contacts.Found", users(noPhone), "TL_ENCODE_MISSING_FIELD", "/users/1");
  fails("contacts.Found", users({ ...user, extra: 1 }), "TL_ENCODE_EXTRA_FIELD", "/users/1");
});

test("a cyclic value ends at the depth bound", () => {
  const call: Record<string, unknown> = { _: "invokeAfterMsg", msg_id: "1" };
  call.query = call;
  assertTlError(() => codec.encodeCall(call as { _: string }), "TL_ENCODE_TOO_DEEP");
});

test("an array under Object, a string too long for TL, a message whose bytes are wrong", () => {
  fails("Object", [1], "TL_ENCODE_UNTYPED", "");
  fails("Object", { _: "rpc_result", req_msg_id: "1", result: [1] }, "TL_ENCODE_UNTYPED", "/result");
  fails("User", { ...user, first_name: "x".repeat(2 ** 24) }, "TL_ENCODE_TOO_LONG", "/first_name");
  const pong = { _: "pong", msg_id: "1", ping_id: "2" };
  const container = (bytes: number) => ({
    _: "msg_container",
    messages: [{ _: "message", msg_id: "4", seqno: 1, bytes, body: pong }],
  });
  assert.equal(codec.encode("Object", container(20)).length, 8 + 16 + 20);
  fails("Object", container(24), "TL_ENCODE_LENGTH_MISMATCH", "/messages/0/body");
});

test("encoding the generic invokeWithLayer: the layer it names must have a schema", () => {
  fails(
    "!X",
    { _: "invokeWithLayer", layer: 200, query: { _: "updates.getState" } },
    "TL_ENCODE_UNKNOWN_LAYER",
    "/query",
  );
  fails(
    "!X",
    { _: "invokeWithLayer", layer: 3, query: { _: "nosuch.call" } },
    "TL_ENCODE_UNKNOWN_NAME",
    "/query",
  );
});

test("a type the codec does not know is a usage error, not a data error", () => {
  for (const type of ["Nothing", "%Nothing", "Vector<Nothing>", "X", "flags.0?true"]) {
    assertTlError(() => codec.encode(type, 1), "TL_UNKNOWN_TYPE");
  }
  assertTlError(() => codec.resultTypeOf({ _: "nosuch.call" }), "TL_UNKNOWN_TYPE");
});
