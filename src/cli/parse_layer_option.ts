// `--layer N` as given on the command line, checked at the boundary.
import { LAYERS, type Layer } from "../tl/index.ts";
import { UsageError } from "./exit_codes.ts";

export function parseLayerOption(text: string): Layer {
  const layer = LAYERS.find((l) => String(l) === text.trim());
  if (layer === undefined) throw new UsageError(`--layer must be one of ${LAYERS.join(", ")}, got "${text}"`);
  return layer;
}
