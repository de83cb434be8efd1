// A request body → the declared layer and the inner call. A bare call is layer 1;
// {"_":"invokeWithLayerN","query":{...}} declares N for this request only.
import { type Layer, layerOfWrapper } from "../tl/index.ts";
import { badRequest } from "./rpc_error.ts";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function unwrapLayer(body: unknown): { layer: Layer; call: Record<string, unknown> } {
  if (!isObject(body)) throw badRequest("INPUT_REQUEST_INVALID", "the body must be a JSON object");
  const name = body._;
  if (typeof name !== "string") throw badRequest("INPUT_REQUEST_INVALID", `"_" must be a string`);
  if (!name.startsWith("invokeWithLayer")) return { layer: 1, call: body };
  const layer = layerOfWrapper(name);
  if (layer === undefined) throw badRequest("INPUT_LAYER_INVALID", `unknown layer wrapper ${name}`);
  const keys = Object.keys(body);
  if (keys.length !== 2 || !isObject(body.query)) {
    throw badRequest("INPUT_REQUEST_INVALID", `${name} takes exactly one field, query, holding a call`);
  }
  const query = body.query;
  if (typeof query._ === "string" && query._.startsWith("invokeWithLayer")) {
    throw badRequest("INPUT_REQUEST_INVALID", "a request declares its layer once");
  }
  return { layer, call: query };
}
