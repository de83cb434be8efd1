// One request, start to end: unwrap the layer, check the call against that layer's schema and
// the caller's key, run the handler, check the answer (debug mode). Any failure is an rpc_error;
// nothing reaches state before every check has passed.
import { type Layer, layerSchema } from "../tl/index.ts";
import type { World } from "./context.ts";
import { METHODS } from "./methods/index.ts";
import { badRequest, RpcError } from "./rpc_error.ts";
import type { TlObject } from "./tl_values.ts";
import { unwrapLayer } from "./unwrap_layer.ts";

export interface RpcOutcome {
  status: number;
  body: unknown;
  method: string;
  layer: Layer;
  /** Set for a 500: what went wrong inside, for the log (never sent to the client). */
  internal?: string;
}

const BEARER = /^Bearer ([0-9a-f]{64})$/i;

export function keyOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? "")?.[1]?.toLowerCase();
}

function run(world: World, body: unknown, key: string | undefined, outcome: RpcOutcome): unknown {
  const { layer, call: rawCall } = unwrapLayer(body);
  outcome.layer = layer;
  const accountId = key === undefined ? undefined : world.store.sessions.get(key);
  const call = world.hooks.request(rawCall, { layer, accountId }) as TlObject;
  const schema = layerSchema(layer);
  outcome.method = typeof call?._ === "string" ? call._ : "?";
  if (!schema.hasMethod(outcome.method)) {
    throw badRequest("INPUT_METHOD_INVALID", `${outcome.method} is not a method of layer ${layer}`);
  }
  const valid = schema.validateParams(call);
  if (!valid.ok) throw badRequest("INPUT_REQUEST_INVALID", valid.summary);
  const handler = METHODS[outcome.method];
  if (!handler)
    throw badRequest("METHOD_NOT_SUPPORTED", `${outcome.method} is not implemented by this server`);
  if (handler.needsAccount && accountId === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  const result = handler.handle({ world, layer, key, accountId }, call);
  return world.hooks.response(result, { method: outcome.method, layer, accountId });
}

export function dispatch(
  world: World,
  body: unknown,
  authorization: string | undefined,
  debugValidate: boolean,
): RpcOutcome {
  const outcome: RpcOutcome = { status: 200, body: null, method: "?", layer: 1 };
  try {
    outcome.body = run(world, body, keyOf(authorization), outcome);
    if (debugValidate) {
      const check = layerSchema(outcome.layer).validateResult(outcome.method, outcome.body);
      if (!check.ok) throw new RpcError(500, "INTERNAL_SCHEMA_VIOLATION", check.summary);
    }
  } catch (error) {
    const rpc = error instanceof RpcError ? error : new RpcError(500, "INTERNAL");
    outcome.status = rpc.errorCode;
    outcome.body = rpc.toTl();
    if (rpc.errorCode === 500)
      outcome.internal = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  return outcome;
}
