// The codecs the wire uses: one per API layer, each holding that layer's schema and the service
// schema (schema/mtproto.tl). Within a layer wrapper the codec switches to the layer it declares,
// so `invokeWithLayer3` read with the layer-1 codec holds a call of layer 3.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadLayerTl } from "../layers.ts";
import { parseTl } from "../parse_tl.ts";
import { LAYERS, type Layer, type TlSchema } from "../types.ts";
import { Codec, type LayerFamily } from "./create_codec.ts";
import type { TlCodec } from "./tl_codec.ts";

let mtproto: TlSchema | undefined;

export function mtprotoTlPath(): string {
  return fileURLToPath(new URL("../../../schema/mtproto.tl", import.meta.url));
}

/** The service schema: the subset of the public mtproto.tl the wire uses. */
export function loadMtprotoTl(): TlSchema {
  mtproto ??= parseTl(readFileSync(mtprotoTlPath(), "utf8"), "schema/mtproto.tl");
  return mtproto;
}

const codecs = new Map<Layer, Codec>();
let wrapperLayers: Map<number | string, Layer> | undefined;

const family: LayerFamily = {
  codecFor: (layer) => {
    const known = LAYERS.find((l) => l === layer);
    return known === undefined ? undefined : layerCodecOf(known);
  },
  wrapperLayer(key) {
    if (!wrapperLayers) {
      wrapperLayers = new Map();
      for (const layer of LAYERS) {
        const own = loadLayerTl(layer).functions.find((f) => f.name === `invokeWithLayer${layer}`);
        if (own) wrapperLayers.set(own.name, layer).set(own.explicitId ?? own.computedId, layer);
      }
    }
    return wrapperLayers.get(key);
  },
};

function layerCodecOf(layer: Layer): Codec {
  let codec = codecs.get(layer);
  if (!codec) {
    codec = new Codec([loadLayerTl(layer), loadMtprotoTl()], family);
    codecs.set(layer, codec);
  }
  return codec;
}

/** The codec of API layer `layer` together with the service schema; built once per layer. */
export function layerCodec(layer: Layer): TlCodec {
  return layerCodecOf(layer);
}
