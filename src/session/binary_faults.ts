// ERRORS on the MTProto wire: a call written wrong in bytes, the binary counterparts of the JSON
// wire's raw bodies (docs/mtproto.md, "The API on top": an unknown constructor id, a truncated or
// over-long object, a wrong boxed type). Each fault starts from the valid bytes of one import of
// the other user's number, so the answer can only be the fault's: the same call without it would
// succeed and change state. Bytes are built with the shared codec; which error each deserves is
// the docs', written in features/errors/bad-bytes.feature.
import { layerCodec, TlWriter } from "../tl/binary/index.ts";
import type { Layer } from "../tl/index.ts";

export const BINARY_FAULTS = [
  "an unknown constructor id",
  "a constructor in place of the method",
  "its last 4 bytes cut off",
  "4 bytes more at its end",
  "a Bool that is no Bool",
  "a long written as 4 bytes",
  "an unknown layer in invokeWithLayer",
] as const;
export type BinaryFault = (typeof BINARY_FAULTS)[number];

/** The generic wrapper modern clients send (invokeWithLayer#da9b0d0d layer:int query:!X). */
const INVOKE_WITH_LAYER = 0xda9b0d0d;

function int32(value: number): Uint8Array {
  const w = new TlWriter({}, 8);
  w.int32(value | 0);
  return w.finish();
}

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** An id no schema of layers 1–3 or of the service schema gives to anything. */
function unknownId(): number {
  const codecs = [1, 2, 3].map((l) => layerCodec(l as Layer));
  for (let id = 0x0badc0de; ; id++) if (codecs.every((c) => c.nameOfId(id | 0) === undefined)) return id | 0;
}

export interface BinaryImport {
  /** The method the bytes stand for, for the transcript. */
  method: string;
  bytes: Uint8Array;
  /** The call they were made from, whose result an answer that is no rpc_error is read as. */
  readAs: string;
}

/**
 * contacts.importContacts of `phone` as a bare (layer-1) call, written wrong in one way. The
 * call's layout: id (4) · Vector id (4) · count (4) · inputPhoneContact id (4) · client_id long (8)
 * · phone, first_name, last_name strings · replace Bool (4).
 */
export function binaryImport(fault: BinaryFault, phone: string): BinaryImport {
  const codec = layerCodec(1);
  const call = {
    _: "contacts.importContacts",
    contacts: [{ _: "inputPhoneContact", client_id: "7", phone, first_name: "B", last_name: "" }],
    replace: false,
  };
  const valid = codec.encodeCall(call);
  const method = call._;
  return { readAs: method, ...faulty(fault, codec, valid, method) };
}

function faulty(
  fault: BinaryFault,
  codec: ReturnType<typeof layerCodec>,
  valid: Uint8Array,
  method: string,
): Omit<BinaryImport, "readAs"> {
  switch (fault) {
    case "an unknown constructor id":
      return { method: "(unknown id)", bytes: concat(int32(unknownId()), valid.subarray(4)) };
    case "a constructor in place of the method":
      return { method: "userEmpty", bytes: codec.encode("Object", { _: "userEmpty", id: 1 }) };
    case "its last 4 bytes cut off":
      return { method, bytes: valid.subarray(0, valid.length - 4) };
    case "4 bytes more at its end":
      return { method, bytes: concat(valid, int32(0)) };
    case "a Bool that is no Bool": {
      const notBool = codec.idOf("inputPeerEmpty") ?? 0;
      return { method, bytes: concat(valid.subarray(0, valid.length - 4), int32(notBool)) };
    }
    case "a long written as 4 bytes":
      // The high half of client_id (bytes 20..24) left out: every later field is read 4 bytes early.
      return { method, bytes: concat(valid.subarray(0, 20), valid.subarray(24)) };
    case "an unknown layer in invokeWithLayer":
      return { method, bytes: concat(int32(INVOKE_WITH_LAYER), int32(99), valid) };
  }
}

/** The wrapper of each layer below 3 that a client declares it in (layer 1 is a bare call). */
function wrapperOf(layer: Layer): Uint8Array {
  if (layer === 1) return new Uint8Array(0);
  const id = layerCodec(layer).idOf(`invokeWithLayer${layer}`);
  if (id === undefined) throw new Error(`layer ${layer} has no invokeWithLayer${layer}`);
  return int32(id);
}

/**
 * A call of a later layer, in the bytes that layer gives it, declared at an earlier layer that
 * lacks the method: what a client gets wrong when it sends a method its declared layer has not.
 */
export function binaryCallAtLayer(call: { _: string } & Record<string, unknown>, layer: Layer): BinaryImport {
  const bytes = layerCodec(3).encodeCall(call);
  return { method: call._, readAs: call._, bytes: concat(wrapperOf(layer), bytes) };
}
