// A digest of schema/layer{1,2,3}.tl. The generated validators carry the digest of the files
// they were generated from; a checkout whose .tl files changed since falls back to compiling.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { layerTlPath } from "./layers.ts";
import { LAYERS } from "./types.ts";

export function layerSourceDigest(): string {
  const hash = createHash("sha256");
  for (const layer of LAYERS) hash.update(readFileSync(layerTlPath(layer))).update("\0");
  return hash.digest("hex");
}
