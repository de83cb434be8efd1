// The lines of the service schema that public generators mark "parsed manually", and the layer
// wrappers. Each rule is keyed by the shape of a declaration, so the schema stays the source:
// - a `body:Object` right after `bytes:int` (`message`) is read within exactly `bytes` bytes;
// - `rpc_result`'s `result:Object` has the result type of the call it answers, when the caller
//   says which call that is (TlCodecOptions.requestOf); `rpc_error` and `gzip_packed` are always
//   allowed there;
// - the `!X` of `invokeWithLayerN` is a call of layer N, of `invokeWithLayer` a call of the layer in
//   its `layer` field (the codec's layer family decides which layers exist).
import type { TlCombinator } from "../types.ts";
import type { FieldPlan } from "./combinator.ts";
import { decodeError, encodeError } from "./errors.ts";
import type { TlReader } from "./reader.ts";
import type { TlObject, ValueCodec } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";

/** What the rules need of the codec that owns the declaration. */
export interface RuleHost {
  readonly object: ValueCodec;
  /** Ids and names of what may answer any call in place of its result: rpc_error, gzip_packed. */
  readonly serviceResults: ReadonlySet<number | string>;
  resultOf(call: TlObject): ValueCodec;
}

/** The `!X` field of a wrapper (`{X:Type} ... query:!X = X`), or undefined for other functions. */
export function wrappedCallField(d: TlCombinator): string | undefined {
  const x = d.resultType;
  if (!d.typeParams.some((p) => p.name === x)) return undefined;
  return d.params.find((p) => p.type === `!${x}`)?.name;
}

/** For a wrapper: the fixed layer it declares (`invokeWithLayer3` → 3), "field" when its `layer`
 * field says, or undefined when it keeps the layer of the call around it. */
export function declaredLayer(d: TlCombinator): number | "field" | undefined {
  const fixed = /^invokeWithLayer(\d+)$/.exec(d.name);
  if (fixed) return Number(fixed[1]);
  if (d.name === "invokeWithLayer" && d.params.some((p) => p.name === "layer" && p.type === "int"))
    return "field";
  return undefined;
}

export function isSizedBody(d: TlCombinator, index: number): boolean {
  const p = d.params[index];
  const before = d.params[index - 1];
  return p?.name === "body" && p.type === "Object" && before?.name === "bytes" && before.type === "int";
}

export function sizedBodyField(body: ValueCodec): FieldPlan {
  return {
    name: "body",
    minSize: 4,
    read(r, depth, owner) {
      const length = owner.bytes as number;
      const at = r.offset;
      if (length < 0 || length % 4 !== 0) {
        throw decodeError(
          "TL_DECODE_NONCANONICAL",
          `message length ${length} is not a multiple of 4`,
          at - 4,
        );
      }
      if (length > r.remaining()) {
        throw decodeError(
          "TL_DECODE_LENGTH_PAST_END",
          `message body of ${length} bytes, ${r.remaining()} left`,
          at - 4,
        );
      }
      const end = r.end;
      r.end = at + length;
      try {
        const value = body.read(r, depth);
        r.expectEnd();
        return value;
      } finally {
        r.end = end;
      }
    },
    write(w, value, depth, owner) {
      const start = w.offset;
      body.write(w, value, depth);
      if (w.offset - start !== owner.bytes) {
        throw encodeError(
          "TL_ENCODE_LENGTH_MISMATCH",
          `bytes is ${String(owner.bytes)}, the body takes ${w.offset - start}`,
        );
      }
    },
  };
}

function requestOf(options: { requestOf?: (id: string) => TlObject | undefined }, owner: TlObject) {
  return options.requestOf?.(owner.req_msg_id as string);
}

export function isRpcResult(d: TlCombinator, index: number): boolean {
  const p = d.params[index];
  return d.name === "rpc_result" && p?.name === "result" && p.type === "Object";
}

/** Reads what answers `call`: a service result (rpc_error, gzip_packed) or the call's result type. */
export function readResult(host: RuleHost, call: TlObject | undefined, r: TlReader, depth: number): unknown {
  const next = r.peekUint32();
  if (!call || (next !== undefined && host.serviceResults.has(next))) return host.object.read(r, depth);
  return host.resultOf(call).read(r, depth);
}

export function writeResult(
  host: RuleHost,
  call: TlObject | undefined,
  w: TlWriter,
  value: unknown,
  depth: number,
) {
  const tag = (value as { _?: unknown } | null)?._;
  if (!call || (typeof tag === "string" && host.serviceResults.has(tag))) host.object.write(w, value, depth);
  else host.resultOf(call).write(w, value, depth);
}

export function rpcResultField(host: RuleHost): FieldPlan {
  return {
    name: "result",
    minSize: 4,
    read: (r, depth, owner) => readResult(host, requestOf(r.options, owner), r, depth),
    write: (w, value, depth, owner) => writeResult(host, requestOf(w.options, owner), w, value, depth),
  };
}
