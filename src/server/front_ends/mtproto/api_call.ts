// An API call in a message body → the core's dispatch → the bytes of its rpc_result. The wrappers
// (invokeWithLayer1/2/3, the generic invokeWithLayer, initConnection, invokeAfterMsg(s)) are
// unwrapped here, the declared layer kept; the session key is the auth key id. A body that does not
// decode answers 400: INPUT_METHOD_INVALID for an unknown or wrong id where the call starts,
// INPUT_LAYER_INVALID for a layer without a schema, INPUT_REQUEST_INVALID for anything else.
import { type Layer, layerCodec, layerOfWrapper, TlCodecError, TlReader } from "../../../tl/index.ts";
import { dispatch, type Outcome } from "../../dispatch.ts";
import { RpcError } from "../../rpc_error.ts";
import type { ServerState } from "../../state.ts";
import type { TlObject } from "../../tl_values.ts";

const codec = layerCodec(1);
const RPC_RESULT = 0xf35c6d01;

/** Where the call proper starts inside its wrappers: an unknown id there is an unknown method. */
function callOffset(body: Uint8Array): number {
  const reader = new TlReader(body);
  try {
    for (let depth = 0; depth < 8; depth += 1) {
      const at = reader.offset;
      const name = codec.nameOfId(reader.uint32());
      if (name === undefined) return at;
      if (/^invokeWithLayer\d+$/.test(name)) continue;
      if (name === "invokeWithLayer") reader.int32();
      else if (name === "invokeAfterMsg") reader.long();
      else if (name === "invokeAfterMsgs") codec.read("Vector<long>", reader);
      else if (name === "initConnection") {
        reader.int32();
        reader.string();
        reader.string();
        reader.string();
      } else return at;
    }
  } catch {
    // A wrapper cut short: the fault is not at a call's id.
  }
  return -1;
}

function decodeFault(error: TlCodecError, body: Uint8Array): RpcError {
  if (error.code === "TL_DECODE_UNKNOWN_LAYER")
    return new RpcError(400, "INPUT_LAYER_INVALID", error.message);
  const atCall = error.offset !== undefined && error.offset === callOffset(body);
  if (atCall && (error.code === "TL_DECODE_UNKNOWN_ID" || error.code === "TL_DECODE_WRONG_TYPE")) {
    return new RpcError(400, "INPUT_METHOD_INVALID", error.message);
  }
  return new RpcError(400, "INPUT_REQUEST_INVALID", error.message);
}

/** The declared layer and the call inside the wrappers. */
function unwrap(call: TlObject): { layer: Layer; inner: TlObject } {
  let layer: Layer | undefined;
  let inner = call;
  for (let depth = 0; depth < 8; depth += 1) {
    const name = String(inner._);
    const declared =
      name === "invokeWithLayer"
        ? (inner.layer as Layer)
        : name.startsWith("invokeWithLayer")
          ? layerOfWrapper(name)
          : undefined;
    if (declared !== undefined) {
      if (layer !== undefined)
        throw new RpcError(400, "INPUT_REQUEST_INVALID", "a request declares its layer once");
      layer = declared;
    } else if (name !== "initConnection" && name !== "invokeAfterMsg" && name !== "invokeAfterMsgs") {
      return { layer: layer ?? 1, inner };
    }
    inner = inner.query as TlObject;
  }
  throw new RpcError(400, "INPUT_REQUEST_INVALID", "wrappers nested too deep");
}

function rpcResult(reqMsgId: bigint, result: Uint8Array): Uint8Array {
  const out = Buffer.allocUnsafe(12 + result.length);
  out.writeUInt32LE(RPC_RESULT, 0);
  out.writeBigInt64LE(reqMsgId, 4);
  out.set(result, 12);
  return out;
}

export function errorResult(reqMsgId: bigint, error: RpcError): Uint8Array {
  return rpcResult(reqMsgId, codec.encode("Object", error.toTl()));
}

export interface CallAnswer {
  body: Uint8Array;
  outcome: Pick<Outcome, "method" | "layer" | "status"> & { internal?: string };
}

/** One API call's message body → the rpc_result answering it. Never throws. */
export function answerCall(
  state: ServerState,
  sessionKey: string,
  reqMsgId: bigint,
  body: Uint8Array,
): CallAnswer {
  let call: TlObject;
  try {
    call = codec.decodeCall(body) as TlObject;
  } catch (error) {
    const fault = error instanceof TlCodecError ? decodeFault(error, body) : new RpcError(500, "INTERNAL");
    return {
      body: errorResult(reqMsgId, fault),
      outcome: { method: "?", layer: 1, status: fault.errorCode },
    };
  }
  let layer: Layer = 1;
  let outcome: Outcome;
  try {
    const unwrapped = unwrap(call);
    layer = unwrapped.layer;
    outcome = dispatch(state, unwrapped.inner, { sessionKey, layer });
  } catch (error) {
    const fault = error instanceof RpcError ? error : new RpcError(500, "INTERNAL");
    return { body: errorResult(reqMsgId, fault), outcome: { method: "?", layer, status: fault.errorCode } };
  }
  try {
    return { body: rpcResult(reqMsgId, codec.encodeResult(call, outcome.body)), outcome };
  } catch (error) {
    // The server's own answer does not fit the call's result type: a fault of the server.
    const internal = error instanceof Error ? error.message : String(error);
    const fault = new RpcError(500, "INTERNAL");
    return { body: errorResult(reqMsgId, fault), outcome: { ...outcome, status: 500, internal } };
  }
}

/** A service answer (pong, future_salts, …) as bytes. */
export function encodeObject(value: TlObject): Uint8Array {
  return codec.encode("Object", value);
}
