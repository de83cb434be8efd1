// The docs' published bytes (core.telegram.org/mtproto/samples-auth_key, test/tl/samples_auth_key.ts):
// each payload decodes to the values the page states beside it, and those values encode back to
// the page's bytes exactly. Expected values come from the page's tables and stated numbers, not
// from the codec.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertTlError } from "../../../test/tl/assert_tl_error.ts";
import * as page from "../../../test/tl/samples_auth_key.ts";
import { layerCodec, TlReader } from "../index.ts";

const codec = layerCodec(1);
const nonce = page.STATED.nonce.toLowerCase();
const server_nonce = page.STATED.serverNonce.toLowerCase();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const hexBase64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
/** A big-endian number as TL bytes carry it (pq, p, q). */
const bigEndian = (n: bigint) =>
  hexBase64(n.toString(16).padStart(2 * Math.ceil(n.toString(16).length / 2), "0"));
/** A long the page prints as its 8 wire bytes. */
const longOf = (hex: string) => String(Buffer.from(hex, "hex").readBigInt64LE());

/** The body of a plain-text message: auth_key_id 0, msg_id, message_length, then the object. */
function plainBody(dump: string): Buffer {
  const bytes = page.fromDump(dump);
  assert.equal(bytes.readBigUInt64LE(0), 0n, "auth_key_id 0: a plain-text message");
  return bytes.subarray(20);
}

function matches(type: string, bytes: Uint8Array, expected: unknown): void {
  assert.deepEqual(codec.decode(type, bytes), expected);
  assert.equal(Buffer.from(codec.encode(type, expected)).toString("hex"), Buffer.from(bytes).toString("hex"));
}

test("the page's dumps agree with its one-line data strings and with its message lengths", () => {
  assert.equal(page.fromDump(page.P_Q_INNER_DATA_DC).toString("hex"), page.STATED.pqInnerData.toLowerCase());
  assert.equal(page.STATED.pq, page.STATED.p * page.STATED.q);
  // The lengths in the client's messages are their bodies' (the server's, on this page, are not).
  for (const dump of [page.REQ_PQ_MULTI, page.REQ_DH_PARAMS, page.SET_CLIENT_DH_PARAMS]) {
    const bytes = page.fromDump(dump);
    assert.equal(bytes.readUInt32LE(16), bytes.length - 20);
  }
});

test("step 1: req_pq_multi", () => {
  matches("!X", plainBody(page.REQ_PQ_MULTI), { _: "req_pq_multi", nonce });
});

test("step 2: resPQ", () => {
  matches("ResPQ", plainBody(page.RES_PQ), {
    _: "resPQ",
    nonce,
    server_nonce,
    pq: bigEndian(page.STATED.pq),
    server_public_key_fingerprints: page.STATED.fingerprints.map(longOf),
  });
});

test("step 4: p_q_inner_data_dc", () => {
  matches("P_Q_inner_data", page.fromDump(page.P_Q_INNER_DATA_DC), {
    _: "p_q_inner_data_dc",
    pq: bigEndian(page.STATED.pq),
    p: bigEndian(page.STATED.p),
    q: bigEndian(page.STATED.q),
    nonce,
    server_nonce,
    new_nonce: page.STATED.newNonce.toLowerCase(),
    dc: page.STATED.dc,
  });
});

test("step 5: req_DH_params", () => {
  matches("!X", plainBody(page.REQ_DH_PARAMS), {
    _: "req_DH_params",
    nonce,
    server_nonce,
    p: bigEndian(page.STATED.p),
    q: bigEndian(page.STATED.q),
    public_key_fingerprint: longOf(page.STATED.fingerprints[2] ?? ""),
    encrypted_data: hexBase64(page.STATED.encryptedPqInnerData),
  });
});

test("step 6: server_DH_params_ok", () => {
  const payload = page.fromDump(page.SERVER_DH_PARAMS_OK);
  // The page's table: encrypted_answer at offset 56, 596 bytes with its 4-byte length prefix.
  matches("Server_DH_Params", payload.subarray(20), {
    _: "server_DH_params_ok",
    nonce,
    server_nonce,
    encrypted_answer: base64(payload.subarray(56 + 4, 56 + 596)),
  });
});

test("step 6, decrypted: server_DH_inner_data, then the answer's random padding", () => {
  const answer = Buffer.from(page.SERVER_DH_INNER_DATA_ANSWER, "hex");
  // The page's table: g at 36, dh_prime at 40 and g_a at 300 (260 bytes each), server_time at 560.
  const expected = {
    _: "server_DH_inner_data",
    nonce,
    server_nonce,
    g: page.STATED.g,
    dh_prime: base64(answer.subarray(44, 300)),
    g_a: base64(answer.subarray(304, 560)),
    server_time: page.STATED.serverTime,
  };
  assertTlError(() => codec.decode("Server_DH_inner_data", answer), "TL_DECODE_TRAILING_BYTES", {
    offset: 564,
  });
  const reader = new TlReader(answer);
  assert.deepEqual(codec.read("Server_DH_inner_data", reader), expected);
  assert.equal(reader.offset, 564);
  matches("Server_DH_inner_data", answer.subarray(0, 564), expected);
});

test("step 7.1: client_DH_inner_data", () => {
  matches("Client_DH_Inner_Data", page.fromDump(page.CLIENT_DH_INNER_DATA), {
    _: "client_DH_inner_data",
    nonce,
    server_nonce,
    retry_id: "0",
    g_b: hexBase64(page.STATED.gB),
  });
});

test("step 7.2: set_client_DH_params", () => {
  const payload = page.fromDump(page.SET_CLIENT_DH_PARAMS);
  // The page's table: encrypted_data at offset 56, 340 bytes with its 4-byte length prefix.
  matches("!X", payload.subarray(20), {
    _: "set_client_DH_params",
    nonce,
    server_nonce,
    encrypted_data: base64(payload.subarray(56 + 4, 56 + 340)),
  });
});

test("step 9: dh_gen_ok", () => {
  matches("Set_client_DH_params_answer", plainBody(page.DH_GEN_OK), {
    _: "dh_gen_ok",
    nonce,
    server_nonce,
    new_nonce_hash1: page.STATED.newNonceHash1.toLowerCase(),
  });
});
