// Each way bytes can be wrong gives its own code and the offset where it starts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertTlError } from "../../../test/tl/assert_tl_error.ts";
import { layerCodec, type TlDecodeErrorCode } from "../index.ts";

const codec = layerCodec(3);
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b.toString("hex");
};

function fails(type: string, bytes: Uint8Array, code: TlDecodeErrorCode, offset: number, options = {}): void {
  assertTlError(() => codec.decode(type, bytes, options), code, { offset });
}

const USER_EMPTY = u32(0x200250ba);
const VECTOR = u32(0x1cb5c415);

test("truncation inside a fixed-size field", () => {
  fails("User", hex(`${USER_EMPTY} 0700`), "TL_DECODE_TRUNCATED", 4);
  fails("User", hex("ba50"), "TL_DECODE_TRUNCATED", 0);
  fails("ResPQ", hex(`${u32(0x05162463)} 00112233`), "TL_DECODE_TRUNCATED", 4);
});

test("unknown ids, and known ids of another type", () => {
  fails("User", hex(`${u32(0x12345678)} 00000000`), "TL_DECODE_UNKNOWN_ID", 0);
  fails("User", hex(`${u32(0x9db1bc6d)} 07000000`), "TL_DECODE_WRONG_TYPE", 0); // peerUser
  fails("Bool", hex(u32(0x9db1bc6d)), "TL_DECODE_WRONG_TYPE", 0);
  fails("!X", hex(`${USER_EMPTY} 07000000`), "TL_DECODE_WRONG_TYPE", 0); // a constructor is no call
  fails("Vector<int>", hex(`${USER_EMPTY} 00000000`), "TL_DECODE_WRONG_TYPE", 0);
});

test("a vector count beyond the bytes fails before anything is allocated for it", () => {
  fails("Vector<int>", hex(`${VECTOR} ffffff7f 01000000`), "TL_DECODE_VECTOR_TOO_LONG", 4);
  fails("Vector<int>", hex(`${VECTOR} ffffffff`), "TL_DECODE_VECTOR_TOO_LONG", 4);
  fails("Vector<int>", hex(`${VECTOR} 03000000 01000000 02000000`), "TL_DECODE_VECTOR_TOO_LONG", 4);
  // Each User takes at least 8 bytes (id + int): two cannot fit in 12.
  fails(
    "Vector<User>",
    hex(`${VECTOR} 02000000 ${USER_EMPTY} 01000000 ${USER_EMPTY}`),
    "TL_DECODE_VECTOR_TOO_LONG",
    4,
  );
  const huge = Buffer.alloc(1 << 20);
  huge.writeUInt32LE(0x1cb5c415, 0);
  huge.writeUInt32LE(0x7fffffff, 4);
  fails("Vector<long>", huge, "TL_DECODE_VECTOR_TOO_LONG", 4);
});

test("a length prefix past the end", () => {
  const error = u32(0xc4b9f9bb); // error#c4b9f9bb code:int text:string
  fails("Error", hex(`${error} 01000000 08414243`), "TL_DECODE_LENGTH_PAST_END", 8);
  fails("Error", hex(`${error} 01000000 feffffff 00000000`), "TL_DECODE_LENGTH_PAST_END", 8);
  fails("Error", hex(`${error} 01000000 fe`), "TL_DECODE_TRUNCATED", 9);
});

test("non-canonical lengths and padding", () => {
  const error = u32(0xc4b9f9bb);
  fails("Error", hex(`${error} 01000000 fe030000 41424300`), "TL_DECODE_NONCANONICAL", 8);
  fails("Error", hex(`${error} 01000000 ff000000`), "TL_DECODE_NONCANONICAL", 8);
  fails("Error", hex(`${error} 01000000 02414201`), "TL_DECODE_NONCANONICAL", 11);
  assert.deepEqual(codec.decode("Error", hex(`${error} 01000000 02414200`)), {
    _: "error",
    code: 1,
    text: "AB",
  });
});

test("trailing bytes after the value", () => {
  fails("User", hex(`${USER_EMPTY} 07000000 00`), "TL_DECODE_TRAILING_BYTES", 8);
  fails("Bool", hex(`${u32(0x997275b5)} 00000000`), "TL_DECODE_TRAILING_BYTES", 4);
});

test("a string that is not UTF-8; the same bytes are fine as bytes", () => {
  const error = u32(0xc4b9f9bb);
  fails("Error", hex(`${error} 01000000 02c328 00`), "TL_DECODE_INVALID_UTF8", 8);
  fails("Error", hex(`${error} 01000000 03eda080`), "TL_DECODE_INVALID_UTF8", 8); // a UTF-16 surrogate
  const unsupported = u32(0x29632a36); // messageMediaUnsupported bytes:bytes
  assert.deepEqual(codec.decode("MessageMedia", hex(`${unsupported} 02c32800`)), {
    _: "messageMediaUnsupported",
    bytes: "wyg=",
  });
});

test("nesting deeper than the bound fails, however deep the input goes", () => {
  // invokeAfterMsg#cb9f372d msg_id:long query:!X, 100,000 deep: no stack overflow, a typed error.
  const level = hex(`${u32(0xcb9f372d)} 0100000000000000`);
  const deep = Buffer.concat([...Array.from({ length: 100_000 }, () => level), hex(u32(0xedd4882a))]);
  // 64 levels are read; the 65th fails where its fields start, after its id.
  fails("!X", deep, "TL_DECODE_TOO_DEEP", 64 * 12 + 4);
  fails("!X", deep.subarray(deep.length - 4 - 12 * 10), "TL_DECODE_TOO_DEEP", 2 * 12 + 4, { maxDepth: 2 });
  const shallow = Buffer.concat([level, level, hex(u32(0xedd4882a))]);
  assert.equal((codec.decode("!X", shallow) as { _: string })._, "invokeAfterMsg");
});

test("a vector under Object has no element type", () => {
  fails("Object", hex(`${VECTOR} 00000000`), "TL_DECODE_UNTYPED", 0);
  const rpcResult = u32(0xf35c6d01);
  fails("Object", hex(`${rpcResult} 0100000000000000 ${VECTOR} 00000000`), "TL_DECODE_UNTYPED", 12);
});

test("a service message body must fill exactly the bytes it declares", () => {
  const container = u32(0x73f1f8dc);
  const pong = `${u32(0x347773c5)} 0100000000000000 0200000000000000`; // 20 bytes
  const message = (bytes: number, body: string) => `0400000000000000 01000000 ${u32(bytes)} ${body}`;
  const ok = hex(`${container} 01000000 ${message(20, pong)}`);
  assert.deepEqual(codec.decode("Object", ok), {
    _: "msg_container",
    messages: [
      { _: "message", msg_id: "4", seqno: 1, bytes: 20, body: { _: "pong", msg_id: "1", ping_id: "2" } },
    ],
  });
  fails(
    "Object",
    hex(`${container} 01000000 ${message(24, `${pong} 00000000`)}`),
    "TL_DECODE_TRAILING_BYTES",
    44,
  );
  fails("Object", hex(`${container} 01000000 ${message(16, pong)}`), "TL_DECODE_TRUNCATED", 36);
  fails("Object", hex(`${container} 01000000 ${message(28, pong)}`), "TL_DECODE_LENGTH_PAST_END", 20);
  fails("Object", hex(`${container} 01000000 ${message(18, pong)}`), "TL_DECODE_NONCANONICAL", 20);
});

test("the generic invokeWithLayer names a layer the codec must have", () => {
  const generic = u32(0xda9b0d0d);
  const getState = u32(0xedd4882a);
  assert.deepEqual(codec.decodeCall(hex(`${generic} 03000000 ${getState}`)), {
    _: "invokeWithLayer",
    layer: 3,
    query: { _: "updates.getState" },
  });
  fails("!X", hex(`${generic} c6000000 ${getState}`), "TL_DECODE_UNKNOWN_LAYER", 8);
});
