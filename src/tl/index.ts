// The TL toolchain: parse .tl text, check constructor ids, derive and apply JSON Schemas per layer.
// Contract used by src/server and the harness; see types.ts for the shapes.

export * from "./binary/index.ts";
export { computeId, normaliseForId } from "./compute_id.ts";
export { layerSchema, validateRpcError } from "./layer_schema.ts";
export { layerOfWrapper, loadLayerTl, wrapperForLayer } from "./layers.ts";
export { TlParseError } from "./parse_error.ts";
export { parseTl } from "./parse_tl.ts";
export * from "./types.ts";
