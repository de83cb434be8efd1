// A type expression's codec, from the tree parseTypeRef made: builtins, vectors, boxed types and
// bare constructors, each looked up in the schema `scope` first.
import { bareCodec, boxedCodec } from "./boxed.ts";
import type { Domain } from "./domain.ts";
import { TlCodecError } from "./errors.ts";
import { PRIMITIVE_CODECS } from "./primitives.ts";
import type { TypeRef } from "./type_ref.ts";
import type { ValueCodec } from "./value_codec.ts";
import { vectorCodec } from "./vector.ts";

/** What a codec holds that type resolution uses. */
export interface CodecParts {
  readonly domain: Domain;
  readonly bool: ValueCodec;
  readonly object: ValueCodec;
  readonly call: ValueCodec;
}

export function unknownType(expr: string): TlCodecError {
  return new TlCodecError("TL_UNKNOWN_TYPE", `the codec's schemas have no type "${expr}"`);
}

export function resolveType(codec: CodecParts, ref: TypeRef, scope: number, expr: string): ValueCodec {
  switch (ref.kind) {
    case "primitive": {
      const builtin = PRIMITIVE_CODECS[ref.name];
      if (!builtin) throw unknownType(expr);
      return builtin;
    }
    case "Bool":
      return codec.bool;
    case "Object":
      return codec.object;
    case "call":
      return codec.call;
    case "vector":
      return vectorCodec(codec.domain, resolveType(codec, ref.element, scope, expr), ref.boxed);
    case "boxed": {
      const constructors = codec.domain.constructorsOf(ref.type, scope);
      if (!constructors) throw unknownType(ref.type);
      return boxedCodec(codec.domain, ref.type, constructors);
    }
    case "bare": {
      // `%Message` names the type's only constructor; `future_salt` a constructor itself.
      const only = ref.viaType ? codec.domain.constructorsOf(ref.name, scope) : undefined;
      const c = ref.viaType
        ? only?.[only.length === 1 ? 0 : -1]
        : codec.domain.bareConstructor(ref.name, scope);
      if (!c) throw unknownType(`%${ref.name}`);
      return bareCodec(c);
    }
  }
}
