// Round trips of values generated from the schemas: for every constructor and function of layers
// 1–3 and of schema/mtproto.tl, encode → decode gives the same TL-JSON value back.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { valueSpace } from "../../../test/tl/arbitrary.ts";
import { LAYERS, type Layer, layerCodec, type TlObject } from "../index.ts";

const sizeOf = (layer: Layer, value: unknown) => layerCodec(layer).encode("Object", value).length;

for (const layer of LAYERS) {
  test(`layer ${layer}: every constructor and function round-trips through the codec`, () => {
    const codec = layerCodec(layer);
    const space = valueSpace(layer, { sizeOf });
    const [api, service] = codec.schemas;
    let checked = 0;
    for (const [scope, schema] of [api, service].entries()) {
      for (const c of [...(schema?.constructors ?? []), ...(schema?.functions ?? [])]) {
        // vector is a builtin; Bool is true/false; the service `message` is bare, met in msg_container.
        if (c.name === "vector" || c.resultType === "Bool" || (scope === 1 && c.name === "message")) continue;
        const boxed = c.kind === "function" ? "!X" : "Object";
        fc.assert(
          fc.property(space.combinator(c), (value) => {
            assert.deepEqual(codec.decode(boxed, codec.encode(boxed, value)), value);
            if (scope === 0 && c.kind === "constructor") {
              // Also as its own boxed type, the way a field of that type carries it.
              assert.deepEqual(codec.decode(c.resultType, codec.encode(c.resultType, value)), value);
            }
          }),
          { numRuns: 12 },
        );
        checked += 1;
      }
    }
    assert.ok(checked > (layer === 1 ? 230 : 240), `${checked} combinators checked`);
  });
}

test("a call's result round-trips as its result type, through its wrappers, inside rpc_result", () => {
  const codec = layerCodec(3);
  const space = valueSpace(3, { sizeOf });
  const methods = codec.schemas[0]?.functions.filter((f) => !f.typeParams.length) ?? [];
  for (const method of methods) {
    const result = space.type(method.resultType, 0);
    fc.assert(
      fc.property(
        space.combinator(method),
        result,
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        (call, value, id) => {
          const wrapped: TlObject = { _: "invokeWithLayer3", query: call as TlObject };
          assert.deepEqual(codec.decodeResult(wrapped, codec.encodeResult(wrapped, value)), value);
          const answer = { _: "rpc_result", req_msg_id: String(id), result: value };
          const options = {
            requestOf: (reqMsgId: string) => (reqMsgId === String(id) ? wrapped : undefined),
          };
          assert.deepEqual(codec.decode("Object", codec.encode("Object", answer, options), options), answer);
        },
      ),
      { numRuns: 8 },
    );
  }
});
