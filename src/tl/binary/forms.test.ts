// The wire form of each TL type and its TL-JSON side, byte for byte, and the layer rules: a
// wrapper's query is read in the layer it declares; a result is read as its call's result type.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertTlError } from "../../../test/tl/assert_tl_error.ts";
import { createTlCodec, layerCodec, loadLayerTl, type TlObject } from "../index.ts";

const codec = layerCodec(3);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const fromHex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

function roundTrip(type: string, value: unknown, wire: string): void {
  assert.equal(hex(codec.encode(type, value)), wire.replace(/\s+/g, ""), `${type} ${JSON.stringify(value)}`);
  assert.deepEqual(codec.decode(type, fromHex(wire)), value);
}

test("ints, Bool, boxed and bare vectors, boxed objects", () => {
  roundTrip("int", -2, "feffffff");
  roundTrip("Bool", true, "b5757299");
  roundTrip("Bool", false, "379779bc");
  roundTrip("Vector<int>", [1, -1], "15c4b51c 02000000 01000000 ffffffff");
  roundTrip("vector<int>", [1, -1], "02000000 01000000 ffffffff");
  roundTrip("Vector<int>", [], "15c4b51c 00000000");
  roundTrip("InputPeer", { _: "inputPeerContact", user_id: 5 }, "e8db2310 05000000");
  roundTrip("%inputPeerContact", { _: "inputPeerContact", user_id: 5 }, "05000000");
  roundTrip("inputPeerContact", { _: "inputPeerContact", user_id: 5 }, "05000000");
  roundTrip("Object", { _: "inputPeerContact", user_id: 5 }, "e8db2310 05000000");
  roundTrip("Object", false, "379779bc");
  // future_salts holds a bare vector of bare future_salt: neither the vector's id nor the element's.
  roundTrip(
    "Object",
    {
      _: "future_salts",
      req_msg_id: "1",
      now: 2,
      salts: [{ _: "future_salt", valid_since: 3, valid_until: 4, salt: "5" }],
    },
    "950850ae 0100000000000000 02000000 01000000 03000000 04000000 0500000000000000",
  );
});

test("longs are decimal strings over the whole signed 64-bit range", () => {
  const cases = [
    "0",
    "-1",
    "999999999999999",
    "-999999999999999",
    "1000000000000000",
    "9007223431788395",
    "9007199254740991",
    "9007199254740992",
    "-9007199254740992",
    "-9007199254740993",
    "4294967296",
    "-4294967296",
    "9223372036854775807",
    "-9223372036854775808",
  ];
  for (const value of cases) {
    const wire = Buffer.alloc(8);
    wire.writeBigInt64LE(BigInt(value));
    roundTrip("long", value, wire.toString("hex"));
  }
});

test("doubles keep -0, infinities and NaN", () => {
  roundTrip("double", 1.5, "000000000000f83f");
  roundTrip("double", -0, "0000000000000080");
  roundTrip("double", Number.NEGATIVE_INFINITY, "000000000000f0ff");
  assert.ok(Number.isNaN(codec.decode("double", fromHex("010000000000f07f"))));
});

test("strings and bytes: 1-byte length up to 253, 4-byte length from 254, zero padding to 4", () => {
  const error = (text: string) => ({ _: "error", code: 1, text });
  roundTrip("Error", error(""), "bbf9b9c4 01000000 00000000");
  roundTrip("Error", error("é"), "bbf9b9c4 01000000 02c3a900");
  const long253 = "a".repeat(253);
  assert.equal(hex(codec.encode("string", long253)), `fd${"61".repeat(253)}0000`);
  const long254 = "a".repeat(254);
  assert.equal(hex(codec.encode("string", long254)), `fefe0000${"61".repeat(254)}0000`);
  assert.equal(codec.decode("string", codec.encode("string", "a".repeat(70_000))), "a".repeat(70_000));
  roundTrip("bytes", Buffer.from([0, 255, 16]).toString("base64"), "0300ff10");
});

test("int128 and int256 are lowercase hex of their wire bytes, in wire order", () => {
  const nonce = "3e0549828cca27e966b301a48fece2fc";
  roundTrip("!X", { _: "req_pq_multi", nonce }, `f18e7ebe ${nonce}`);
  roundTrip("int256", `${"00".repeat(31)}01`, `${"00".repeat(31)}01`);
});

const forwardMessage = {
  _: "messages.forwardMessage",
  peer: { _: "inputPeerContact", user_id: 2 },
  id: 5,
  random_id: "77",
};

test("a wrapper's query is a call of the layer the wrapper declares", () => {
  const layer1 = layerCodec(1);
  const wrapped = { _: "invokeWithLayer3", query: forwardMessage };
  const bytes = layer1.encodeCall(wrapped);
  assert.equal(hex(bytes), hex(codec.encodeCall(wrapped)));
  assert.deepEqual(layer1.decodeCall(bytes), wrapped);
  // Bare, a call is layer 1; messages.forwardMessage only exists from layer 3 on.
  const bare = bytes.subarray(4);
  assertTlError(() => layer1.decodeCall(bare), "TL_DECODE_UNKNOWN_ID");
  const atLayer2 = Buffer.concat([
    layer1.encodeCall({ _: "invokeWithLayer2", query: { _: "updates.getState" } }).subarray(0, 4),
    bare,
  ]);
  assertTlError(() => layer1.decodeCall(atLayer2), "TL_DECODE_UNKNOWN_ID");
  assertTlError(
    () => layer1.encodeCall({ _: "invokeWithLayer2", query: forwardMessage }),
    "TL_ENCODE_UNKNOWN_NAME",
  );
});

test("types a layer changed are read in the wrapper's layer", () => {
  // Layer 2 replaced `events:InputPeerNotifyEvents` with `events_mask:int`.
  const settings = (layer: 1 | 2) => ({
    _: "inputPeerNotifySettings",
    mute_until: 0,
    sound: "",
    show_previews: true,
    ...(layer === 1 ? { events: { _: "inputPeerNotifyEventsAll" } } : { events_mask: 0 }),
  });
  const call = (layer: 1 | 2) => ({
    _: "account.updateNotifySettings",
    peer: { _: "inputNotifyAll" },
    settings: settings(layer),
  });
  const layer1 = layerCodec(1);
  const atLayer1 = layer1.encodeCall(call(1));
  const atLayer2 = layer1.encodeCall({ _: "invokeWithLayer2", query: call(2) });
  // inputPeerNotifySettings is #3cf4b1be at layer 1, #46a2ce98 from layer 2.
  assert.equal(hex(atLayer1.subarray(8, 12)), "beb1f43c");
  assert.equal(hex(atLayer2.subarray(12, 16)), "98cea246");
  const swapped = Buffer.concat([atLayer2.subarray(0, 12), atLayer1.subarray(8)]);
  assertTlError(() => layer1.decodeCall(swapped), "TL_DECODE_UNKNOWN_ID");
});

const sentMessageLink = { _: "messages.sentMessageLink", id: 1, date: 2, pts: 3, seq: 4, links: [] };
const sendMessage = {
  _: "messages.sendMessage",
  peer: { _: "inputPeerContact", user_id: 2 },
  message: "hi",
  random_id: "9",
};

test("a result is read as its call's result type, through every wrapper, in the declared layer", () => {
  const layer1 = layerCodec(1);
  const call: TlObject = {
    _: "invokeWithLayer3",
    query: {
      _: "initConnection",
      api_id: 1,
      device_model: "d",
      system_version: "s",
      app_version: "a",
      query: { _: "invokeAfterMsg", msg_id: "4", query: sendMessage },
    },
  };
  assert.equal(layer1.resultTypeOf(call), "messages.SentMessage");
  const bytes = layer1.encodeResult(call, sentMessageLink);
  assert.deepEqual(layer1.decodeResult(call, bytes), sentMessageLink);
  // At layer 1 the same answer has a constructor the layer lacks.
  assertTlError(() => layer1.decodeResult(sendMessage, bytes), "TL_DECODE_UNKNOWN_ID");
  const error = { _: "rpc_error", error_code: 400, error_message: "PEER_ID_INVALID" };
  assert.deepEqual(layer1.decodeResult(sendMessage, layer1.encodeResult(sendMessage, error)), error);
  const getUsers = { _: "users.getUsers", id: [] };
  assert.equal(codec.resultTypeOf(getUsers), "Vector<User>");
  assert.deepEqual(codec.decodeResult(getUsers, codec.encodeResult(getUsers, [])), []);
});

test("rpc_result carries its call's result type when the caller says which call it answers", () => {
  const getUsers = { _: "users.getUsers", id: [{ _: "inputUserSelf" }] };
  const answer = { _: "rpc_result", req_msg_id: "12", result: [{ _: "userEmpty", id: 3 }] };
  const options = { requestOf: (id: string) => (id === "12" ? getUsers : undefined) };
  const bytes = codec.encode("Object", answer, options);
  assert.equal(
    hex(bytes),
    "016d5cf3 0c00000000000000 15c4b51c 01000000 ba500220 03000000".replace(/\s+/g, ""),
  );
  assert.deepEqual(codec.decode("Object", bytes, options), answer);
  assertTlError(() => codec.decode("Object", bytes), "TL_DECODE_UNTYPED");
  // rpc_error and gzip_packed may answer any call.
  for (const result of [
    { _: "rpc_error", error_code: 420, error_message: "FLOOD_WAIT_3" },
    { _: "gzip_packed", packed_data: "H4sIAAAAAAAAAwMAAAAAAAAAAAA=" },
  ]) {
    const other = { ...answer, result };
    assert.deepEqual(codec.decode("Object", codec.encode("Object", other, options), options), other);
  }
});

test("names and ids; by name, the API's message shadows the service message", () => {
  assert.equal(codec.idOf("messages.sentMessageLink"), 0xe9db4a3f);
  assert.equal(codec.idOf("ping"), 0x7abe77ec);
  assert.equal(codec.nameOfId(0x73f1f8dc), "msg_container");
  assert.equal(codec.idOf("message"), 0x22eb6aba);
  assert.equal(codec.nameOfId(0x5bb8e511), "message");
});

test("a codec of the layer file alone has no service lines and keeps one layer inside wrappers", () => {
  const alone = createTlCodec([loadLayerTl(3)]);
  const ping = layerCodec(3).encodeCall({ _: "ping", ping_id: "1" });
  assertTlError(() => alone.decodeCall(ping), "TL_DECODE_UNKNOWN_ID");
  // invokeWithLayer2 holds a layer-3 call here: without the layer family there is nothing to switch to.
  const wrapped = { _: "invokeWithLayer2", query: forwardMessage };
  assert.deepEqual(alone.decodeCall(alone.encodeCall(wrapped)), wrapped);
  assertTlError(() => layerCodec(3).encodeCall(wrapped), "TL_ENCODE_UNKNOWN_NAME");
});
