// A binary TL codec compiled from parsed schemas: every constructor and function gets its field
// plan once, every type expression its codec once (memoised), so encoding and decoding never look
// a schema up by string below the top-level type.
import type { TlSchema } from "../types.ts";
import { boolCodec, callCodec, objectCodec } from "./boxed.ts";
import type { Combinator, FieldPlan } from "./combinator.ts";
import { Domain } from "./domain.ts";
import { decodeError, encodeError, TlCodecError } from "./errors.ts";
import { TlReader } from "./reader.ts";
import { resolveType, unknownType } from "./resolve_type.ts";
import {
  declaredLayer,
  isRpcResult,
  isSizedBody,
  readResult,
  rpcResultField,
  sizedBodyField,
  wrappedCallField,
  writeResult,
} from "./service_rules.ts";
import type { TlCodec } from "./tl_codec.ts";
import { parseTypeRef } from "./type_ref.ts";
import type { TlCodecOptions, TlObject, ValueCodec } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";
import { withWriter } from "./writer_pool.ts";

/** The codecs of the layers a codec may switch to inside a layer wrapper (layer_codec.ts). */
export interface LayerFamily {
  codecFor(layer: number): Codec | undefined;
  /** The layer whose own wrapper (`invokeWithLayerN` of layer N) has this id or name. */
  wrapperLayer(key: number | string): number | undefined;
}

const NO_PARAMS: ReadonlySet<string> = new Set();
const SERVICE_RESULTS = ["rpc_error", "gzip_packed"];

/** A field read and written by its type's codec alone (the codecs' functions never use `this`). */
function valueField(name: string, codec: ValueCodec): FieldPlan {
  return {
    name,
    get minSize() {
      return codec.minSize;
    },
    read: codec.read,
    write: codec.write,
  };
}

export class Codec implements TlCodec {
  readonly domain: Domain;
  readonly object: ValueCodec;
  readonly call: ValueCodec;
  readonly serviceResults: ReadonlySet<number | string>;
  private readonly types = new Map<string, ValueCodec>();
  readonly bool: ValueCodec;

  constructor(
    readonly schemas: readonly TlSchema[],
    private readonly family?: LayerFamily,
  ) {
    this.domain = new Domain(schemas);
    const foreign = (key: number | string) => {
      const other = this.foreignCodec(key);
      return typeof key === "number" ? other?.domain.byId.get(key) : other?.domain.functions.get(key);
    };
    this.object = objectCodec(this.domain, foreign);
    this.call = callCodec(this.domain, foreign);
    this.bool = boolCodec(this.domain);
    this.serviceResults = new Set(
      SERVICE_RESULTS.flatMap((name) => {
        const c = this.domain.constructors.get(name);
        return c ? [c.id, name] : [];
      }),
    );
    for (const c of this.domain.all) c.fields = this.compileFields(c);
  }

  /** The family member that declares the wrapper `key`, when this codec lacks it. */
  private foreignCodec(key: number | string): Codec | undefined {
    const layer = this.family?.wrapperLayer(key);
    const other = layer === undefined ? undefined : this.family?.codecFor(layer);
    return other === this ? undefined : other;
  }

  private compileFields(c: Combinator): FieldPlan[] {
    const d = c.declaration;
    const typeParams = new Set(d.typeParams.map((p) => p.name));
    return d.params.map((p, index) => {
      if (isSizedBody(d, index)) return sizedBodyField(this.object);
      if (isRpcResult(d, index)) return rpcResultField(this);
      const ref = parseTypeRef(p.type, typeParams);
      if (!ref || p.name === "")
        throw new Error(`${d.name}: field "${p.name}:${p.type}" is not supported by the codec`);
      if (ref.kind === "call") return this.wrappedCall(c, p.name);
      return valueField(p.name, resolveType(this, ref, c.scope, p.type));
    });
  }

  /** The codec whose calls a wrapper holds: the layer it declares, else this one. `at` is the
   * offset of the call when decoding, undefined when encoding. */
  private wrapperTarget(c: Combinator, owner: TlObject, at?: number): Codec {
    const layer = declaredLayer(c.declaration);
    if (layer === undefined || !this.family) return this;
    const n = layer === "field" ? owner.layer : layer;
    const target = typeof n === "number" ? this.family.codecFor(n) : undefined;
    if (target) return target;
    if (layer !== "field") return this;
    const detail = `${c.name} names layer ${String(n)}, which the codec has no schema for`;
    throw at === undefined
      ? encodeError("TL_ENCODE_UNKNOWN_LAYER", detail)
      : decodeError("TL_DECODE_UNKNOWN_LAYER", detail, at);
  }

  private wrappedCall(c: Combinator, name: string): FieldPlan {
    return {
      name,
      minSize: 4,
      read: (r, depth, owner) => this.wrapperTarget(c, owner, r.offset).call.read(r, depth),
      write: (w, value, depth, owner) => this.wrapperTarget(c, owner).call.write(w, value, depth),
    };
  }

  /** The codec of a type expression as written in the schema `scope`. */
  typeCodec(expr: string, scope = 0): ValueCodec {
    // The API's own types are asked for on every encode and decode: spare them building a key.
    const key = scope === 0 ? expr : `${scope}\u0000${expr}`;
    let codec = this.types.get(key);
    if (!codec) {
      const ref = parseTypeRef(expr, NO_PARAMS);
      if (!ref) throw unknownType(expr);
      codec = resolveType(this, ref, scope, expr);
      this.types.set(key, codec);
    }
    return codec;
  }

  /** The codec of what `call` returns, through its wrappers. */
  resultOf(call: TlObject): ValueCodec {
    const c = this.domain.functions.get(call._);
    if (!c) {
      const other = this.foreignCodec(call._);
      if (other) return other.resultOf(call);
      throw new TlCodecError("TL_UNKNOWN_TYPE", `the codec's schemas have no function "${call._}"`);
    }
    const inner = wrappedCallField(c.declaration);
    if (inner === undefined) return this.typeCodec(c.declaration.resultType, c.scope);
    const query = call[inner] as TlObject | undefined;
    if (typeof query?._ !== "string")
      throw new TlCodecError("TL_UNKNOWN_TYPE", `${call._} without a call in "${inner}"`);
    return this.wrapperTarget(c, call).resultOf(query);
  }

  resultTypeOf(call: TlObject): string {
    return this.resultOf(call).label;
  }

  encode(type: string, value: unknown, options?: TlCodecOptions): Uint8Array {
    const codec = this.typeCodec(type);
    return withWriter(options, (w) => codec.write(w, value, 0));
  }

  decode(type: string, bytes: Uint8Array, options?: TlCodecOptions): unknown {
    const codec = this.typeCodec(type);
    const r = new TlReader(bytes, options);
    const value = codec.read(r, 0);
    r.expectEnd();
    return value;
  }

  encodeCall(call: TlObject, options?: TlCodecOptions): Uint8Array {
    return this.encode("!X", call, options);
  }

  decodeCall(bytes: Uint8Array, options?: TlCodecOptions): TlObject {
    return this.decode("!X", bytes, options) as TlObject;
  }

  encodeResult(call: TlObject, result: unknown, options?: TlCodecOptions): Uint8Array {
    return withWriter(options, (w) => writeResult(this, call, w, result, 0));
  }

  decodeResult(call: TlObject, bytes: Uint8Array, options?: TlCodecOptions): unknown {
    const r = new TlReader(bytes, options);
    const value = readResult(this, call, r, 0);
    r.expectEnd();
    return value;
  }

  read(type: string, reader: TlReader): unknown {
    return this.typeCodec(type).read(reader, 0);
  }

  write(type: string, writer: TlWriter, value: unknown): void {
    this.typeCodec(type).write(writer, value, 0);
  }

  idOf(name: string): number | undefined {
    return (this.domain.constructors.get(name) ?? this.domain.functions.get(name))?.id;
  }

  nameOfId(id: number): string | undefined {
    return this.domain.byId.get(id)?.name;
  }
}

export function createTlCodec(schemas: readonly TlSchema[]): TlCodec {
  return new Codec(schemas);
}
