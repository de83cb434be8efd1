// sendMedia's kinds (docs/binding.md): inputMediaContact and inputMediaGeoPoint need no upload;
// every other kind answers 400 MEDIA_INVALID. Answers validate at every layer (the test server
// checks each against the declared layer's schema and would answer 500).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertRpcError, type Body, importOf, inputPeer, serverForThisFile } from "./harness.ts";

const serverOf = serverForThisFile();

test("a geo point arrives as messageMediaGeo with geoPoint{long, lat}, at every layer, and in the peer's difference", async () => {
  const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(a, importOf(b.phone));
  for (const layer of [1, 2, 3] as const) {
    const media = { _: "inputMediaGeoPoint", geo_point: { _: "inputGeoPoint", lat: 52.52, long: 13.405 } };
    const sent = await serverOf().ok(
      a,
      { _: "messages.sendMedia", peer: inputPeer(a, b), media, random_id: "1" },
      layer,
    );
    assert.deepEqual((sent.message as Body).media, {
      _: "messageMediaGeo",
      geo: { _: "geoPoint", long: 13.405, lat: 52.52 },
    });
    assert.deepEqual(
      Object.keys(((sent.message as Body).media as Body).geo as Body),
      ["_", "long", "lat"],
      "TL order",
    );
  }
  const diff = await serverOf().ok(b, { _: "updates.getDifference", pts: 0, date: 0 });
  const geos = (diff.new_messages as Body[]).filter((m) => (m.media as Body)._ === "messageMediaGeo");
  assert.equal(geos.length, 3);
});

test("inputGeoPointEmpty arrives as geoPointEmpty; a point off the globe is GEO_POINT_INVALID", async () => {
  const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(a, importOf(b.phone));
  const send = (geo_point: Body) =>
    serverOf().call(a, {
      _: "messages.sendMedia",
      peer: inputPeer(a, b),
      media: { _: "inputMediaGeoPoint", geo_point },
      random_id: "1",
    });
  const empty = await send({ _: "inputGeoPointEmpty" });
  assert.deepEqual(((empty.body.message as Body).media as Body).geo, { _: "geoPointEmpty" });
  for (const [lat, long] of [
    [91, 0],
    [0, -180.5],
  ]) {
    assertRpcError(await send({ _: "inputGeoPoint", lat, long }), 400, "GEO_POINT_INVALID");
  }
  const infinite = `{"_":"messages.sendMedia","peer":${JSON.stringify(inputPeer(a, b))},"media":{"_":"inputMediaGeoPoint","geo_point":{"_":"inputGeoPoint","lat":1e999,"long":0}},"random_id":"1"}`;
  // A JSON number too large for a double parses as Infinity, which TL's double cannot carry.
  assertRpcError(await serverOf().raw(infinite, a.key), 400, "INPUT_REQUEST_INVALID");
});

test("other media kinds answer MEDIA_INVALID", async () => {
  const [a, b] = [await serverOf().signUp(), await serverOf().signUp()];
  await serverOf().ok(a, importOf(b.phone));
  const media = { _: "inputMediaPhoto", id: { _: "inputPhotoEmpty" } };
  const answer = await serverOf().call(a, {
    _: "messages.sendMedia",
    peer: inputPeer(a, b),
    media,
    random_id: "1",
  });
  assertRpcError(answer, 400, "MEDIA_INVALID");
});
