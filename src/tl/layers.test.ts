// The three layer files: every id is the CRC of its text, and each layer differs from the one
// before by exactly the changes the official changelog lists (shared/tl/README.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatId } from "./compute_id.ts";
import { LAYERS, type Layer, layerOfWrapper, loadLayerTl, loadMtprotoTl, wrapperForLayer } from "./index.ts";

function entries(layer: Layer): Set<string> {
  const tl = loadLayerTl(layer);
  return new Set([...tl.constructors, ...tl.functions].map((c) => `${c.name}${formatId(c.explicitId ?? 0)}`));
}

function delta(from: Layer, to: Layer): { added: string[]; removed: string[] } {
  const [a, b] = [entries(from), entries(to)];
  return { added: [...b].filter((x) => !a.has(x)).sort(), removed: [...a].filter((x) => !b.has(x)).sort() };
}

test("every explicit id of schema/layerN.tl and schema/mtproto.tl is the CRC of its text", () => {
  const files = [
    ...LAYERS.map((layer) => [`layer ${layer}`, loadLayerTl(layer)] as const),
    ["mtproto", loadMtprotoTl()] as const,
  ];
  for (const [file, tl] of files) {
    const all = [...tl.constructors, ...tl.functions];
    const bad = all
      .filter((c) => c.explicitId !== undefined && c.explicitId !== c.computedId)
      .map((c) => c.name);
    assert.deepEqual(bad, [], file);
    // Only the service `message` is written without an id: it is bare wherever it appears.
    const withoutId = all.filter((c) => c.explicitId === undefined).map((c) => c.name);
    assert.deepEqual(withoutId, file === "mtproto" ? ["message"] : [], file);
  }
});

test("schema/mtproto.tl has every service line the wire uses", () => {
  const tl = loadMtprotoTl();
  const names = new Set([...tl.constructors, ...tl.functions].map((c) => c.name));
  const wanted = `resPQ p_q_inner_data p_q_inner_data_dc p_q_inner_data_temp p_q_inner_data_temp_dc
    server_DH_params_ok server_DH_params_fail server_DH_inner_data client_DH_inner_data dh_gen_ok
    dh_gen_retry dh_gen_fail rpc_result rpc_error rpc_answer_unknown rpc_answer_dropped_running
    rpc_answer_dropped future_salt future_salts pong destroy_session_ok destroy_session_none
    new_session_created msg_container message msg_copy gzip_packed msgs_ack bad_msg_notification
    bad_server_salt msg_resend_req msgs_state_req msgs_state_info msgs_all_info msg_detailed_info
    msg_new_detailed_info req_pq req_pq_multi req_DH_params set_client_DH_params rpc_drop_answer
    get_future_salts ping ping_delay_disconnect destroy_session invokeWithLayer`.split(/\s+/);
  assert.deepEqual(
    wanted.filter((n) => !names.has(n)),
    [],
  );
  assert.equal(names.size, wanted.length, "no line beyond those the wire uses");
});

test("layer 2 changes exactly what the changelog says", () => {
  const { added, removed } = delta(1, 2);
  assert.deepEqual(added, [
    "inputPeerNotifySettings#46a2ce98",
    "invokeWithLayer2#289dd1f6",
    "peerNotifySettings#8d5e11ee",
    "photos.getUserPhotos#b7ee553c",
    "updateUserPhoto#95313b0c",
    "userProfilePhoto#d559d8c8",
  ]);
  assert.deepEqual(removed, [
    "inputPeerNotifySettings#3cf4b1be",
    "peerNotifySettings#ddbcd4a5",
    "updateUserPhoto#bb8ba607",
    "userProfilePhoto#990d1493",
  ]);
});

test("layer 3 adds exactly the link results, forwardMessage, sendBroadcast and its wrapper", () => {
  assert.deepEqual(delta(2, 3), {
    added: [
      "invokeWithLayer3#b7475268",
      "messages.forwardMessage#3f3f4f2",
      "messages.sendBroadcast#41bb0972",
      "messages.sentMessageLink#e9db4a3f",
      "messages.statedMessageLink#a9af2881",
      "messages.statedMessagesLinks#3e74f5c6",
    ],
    removed: [],
  });
});

test("layer wrappers", () => {
  assert.equal(layerOfWrapper("invokeWithLayer2"), 2);
  assert.equal(layerOfWrapper("invokeWithLayer3"), 3);
  assert.equal(layerOfWrapper("invokeWithLayer99"), undefined);
  assert.equal(layerOfWrapper("invokeWithLayer"), undefined);
  assert.equal(wrapperForLayer(3), "invokeWithLayer3");
});
