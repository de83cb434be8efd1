import assert from "node:assert/strict";
import { test } from "node:test";
import { layerCodec, TlCodecError } from "../tl/binary/index.ts";
import { BINARY_FAULTS, type BinaryFault, binaryImport } from "./binary_faults.ts";

// What an independent reading of each fault's bytes finds: the fault is the one its name says,
// and where the docs place it (at the call's own id, or inside its fields).
const FOUND: Record<BinaryFault, { code: string; offset: number }> = {
  "an unknown constructor id": { code: "TL_DECODE_UNKNOWN_ID", offset: 0 },
  "a constructor in place of the method": { code: "TL_DECODE_WRONG_TYPE", offset: 0 },
  "its last 4 bytes cut off": { code: "TL_DECODE_TRUNCATED", offset: 44 },
  "4 bytes more at its end": { code: "TL_DECODE_TRAILING_BYTES", offset: 48 },
  "a Bool that is no Bool": { code: "TL_DECODE_WRONG_TYPE", offset: 44 },
  "a long written as 4 bytes": { code: "TL_DECODE_LENGTH_PAST_END", offset: 24 },
  "an unknown layer in invokeWithLayer": { code: "TL_DECODE_UNKNOWN_LAYER", offset: 8 },
};

test("the import the faults start from is a valid call", () => {
  const valid = layerCodec(1).encodeCall({
    _: "contacts.importContacts",
    contacts: [
      { _: "inputPhoneContact", client_id: "7", phone: "9996612345", first_name: "B", last_name: "" },
    ],
    replace: false,
  });
  assert.equal(valid.length, 48);
  assert.equal((layerCodec(1).decodeCall(valid) as { _: string })._, "contacts.importContacts");
});

for (const fault of BINARY_FAULTS) {
  test(`binary fault "${fault}" is that fault and no other`, () => {
    const { bytes } = binaryImport(fault, "9996612345");
    assert.throws(
      () => layerCodec(1).decodeCall(bytes),
      (e: unknown) =>
        e instanceof TlCodecError && e.code === FOUND[fault].code && e.offset === FOUND[fault].offset,
    );
  });
}
