// One call, start to end, knowing nothing of the wire: a session key, a declared layer and a
// TL-JSON call in; a TL-JSON result or rpc_error and its status out. The call is checked against
// the call limits, the declared layer's schema and the caller's key, the handler runs, and the
// answer is checked (debug mode). Any failure is an rpc_error; nothing reaches state before every
// check has passed. A front end (front_ends/http) turns its wire into this and back.
import { type Layer, layerSchema } from "../tl/index.ts";
import { checkStrings, checkVectors } from "./call_limits.ts";
import type { RefusalBody } from "./hooks.ts";
import { METHODS } from "./methods/index.ts";
import { badRequest, RpcError } from "./rpc_error.ts";
import type { ServerState } from "./state.ts";
import type { TlObject } from "./tl_values.ts";
import { unwrapLayer } from "./unwrap_layer.ts";

export interface CallOptions {
  /** Who is calling: a bearer key on HTTP, an auth key id on MTProto; undefined for none. */
  sessionKey: string | undefined;
  layer: Layer;
}

export interface Outcome {
  /** 200, or the rpc_error's error_code. */
  status: number;
  body: unknown;
  method: string;
  layer: Layer;
  /** Set for a 500: what went wrong inside, for the log (never sent to the client). */
  internal?: string;
}

function run(state: ServerState, rawCall: unknown, options: CallOptions, outcome: Outcome): unknown {
  const { sessionKey, layer } = options;
  const { store, hooks } = state;
  const accountId = sessionKey === undefined ? undefined : store.touch(sessionKey);
  const call = hooks.request(rawCall, { layer, accountId }) as TlObject;
  const method = typeof call?._ === "string" ? call._ : "?";
  outcome.method = method;
  try {
    return serve(state, call, method, options, accountId);
  } catch (error) {
    // A refusal (not an internal error) goes through the refused hook, which may answer another
    // error or serve another call instead: the spec's hook answers the refusal itself.
    if (!(error instanceof RpcError) || error.errorCode === 500) throw error;
    const answer = hooks.refused(error.toTl(), {
      method,
      layer,
      accountId,
      call,
      retry: (other) => run(state, other, options, outcome),
    });
    if (isRefusal(answer))
      throw new RpcError(answer.error_code as RpcError["errorCode"], answer.error_message);
    return answer;
  }
}

function isRefusal(answer: unknown): answer is RefusalBody {
  const a = answer as { _?: unknown; error_code?: unknown; error_message?: unknown } | null;
  return a?._ === "rpc_error" && typeof a.error_code === "number" && typeof a.error_message === "string";
}

/** The checks of a call, its handler, and the hooks after it. */
function serve(
  state: ServerState,
  call: TlObject,
  method: string,
  options: CallOptions,
  accountId: number | undefined,
): unknown {
  const { sessionKey, layer } = options;
  const { store, hooks } = state;
  const schema = layerSchema(layer);
  if (!schema.hasMethod(method)) {
    throw badRequest("INPUT_METHOD_INVALID", `${method} is not a method of layer ${layer}`);
  }
  const handler = METHODS[method];
  if (!handler) throw badRequest("METHOD_NOT_SUPPORTED", `${method} is not implemented by this server`);
  checkVectors(state.limits, call);
  const valid = schema.validateParams(call);
  if (!valid.ok) throw badRequest("INPUT_REQUEST_INVALID", valid.summary);
  checkStrings(call);
  if (handler.needsAccount && accountId === undefined) throw new RpcError(401, "AUTH_KEY_UNREGISTERED");
  const result = handler.handle({ state, layer, method, key: sessionKey, accountId }, call);
  const after = sessionKey === undefined ? undefined : store.sessions.get(sessionKey);
  const { reveal, forget, hasContact } = state.relations;
  hooks.afterCall({ method, layer, accountId: after, call, reveal, forget, hasContact });
  return hooks.response(result, { method, layer, accountId });
}

function settle(state: ServerState, outcome: Outcome, answer: () => unknown): Outcome {
  try {
    outcome.body = answer();
    if (state.debugValidateResponses) {
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

/** A call at a layer already known (the front end unwrapped it). */
export function dispatch(state: ServerState, call: unknown, options: CallOptions): Outcome {
  const outcome: Outcome = { status: 200, body: null, method: "?", layer: options.layer };
  return settle(state, outcome, () => run(state, call, options, outcome));
}

/** A request body as TL-JSON has it: a bare call (layer 1) or one wrapped in invokeWithLayerN. */
export function dispatchBody(
  state: ServerState,
  body: unknown,
  options: Pick<CallOptions, "sessionKey">,
): Outcome {
  const outcome: Outcome = { status: 200, body: null, method: "?", layer: 1 };
  return settle(state, outcome, () => {
    const { layer, call } = unwrapLayer(body);
    outcome.layer = layer;
    return run(state, call, { sessionKey: options.sessionKey, layer }, outcome);
  });
}
