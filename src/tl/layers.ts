// The three layer schemas the suite is built on (schema/layerN.tl) and the layer wrappers that
// declare them on a request.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTl } from "./parse_tl.ts";
import { LAYERS, type Layer, type TlSchema } from "./types.ts";

const cache = new Map<Layer, TlSchema>();

/** Path of schema/layerN.tl, found relative to this module so any working directory works. */
export function layerTlPath(layer: Layer): string {
  return fileURLToPath(new URL(`../../schema/layer${layer}.tl`, import.meta.url));
}

export function loadLayerTl(layer: Layer): TlSchema {
  let schema = cache.get(layer);
  if (!schema) {
    schema = parseTl(readFileSync(layerTlPath(layer), "utf8"), `schema/layer${layer}.tl`);
    cache.set(layer, schema);
  }
  return schema;
}

export function wrapperForLayer(layer: Layer): string {
  return `invokeWithLayer${layer}`;
}

/** `invokeWithLayerN` → N when layer N's schema defines that wrapper; otherwise undefined. */
export function layerOfWrapper(name: string): Layer | undefined {
  const match = /^invokeWithLayer(\d+)$/.exec(name);
  const layer = LAYERS.find((l) => String(l) === match?.[1]);
  if (layer === undefined) return undefined;
  return loadLayerTl(layer).functions.some((f) => f.name === name) ? layer : undefined;
}
