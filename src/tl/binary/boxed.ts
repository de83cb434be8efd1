// Codecs of the types that carry constructor ids: a boxed type, a bare constructor, Bool, any
// object (`Object`) and a function call (`!X`).
import type { Combinator } from "./combinator.ts";
import { BOOL_FALSE_ID, BOOL_TRUE_ID, type Domain, VECTOR_ID } from "./domain.ts";
import { decodeError, encodeError } from "./errors.ts";
import type { TlReader } from "./reader.ts";
import { describe, type TlObject, type ValueCodec } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";

/** A layer wrapper the codec's own schemas lack, from the layer that declares it (see layer_codec.ts). */
export type ForeignWrapper = (key: number | string) => Combinator | undefined;

export function tagOf(value: unknown, expected: string): string {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const tag = (value as { _?: unknown })._;
    if (typeof tag === "string") return tag;
  }
  throw encodeError(
    "TL_ENCODE_BAD_VALUE",
    `expected ${expected} (an object with "_"), got ${describe(value)}`,
  );
}

/** Reads an id and the body of the combinator `find` gives for it; `expected` names what may come. */
function readBoxed(
  domain: Domain,
  r: TlReader,
  depth: number,
  expected: string,
  find: (id: number) => Combinator | undefined,
): TlObject {
  const at = r.offset;
  const id = r.uint32();
  const c = find(id);
  if (!c) throw domain.idError(id, expected, at);
  return c.readBody(r, depth + 1);
}

/** Writes the id and body of the combinator `find` gives for the value's `_`. */
function writeBoxed(
  domain: Domain,
  w: TlWriter,
  value: unknown,
  depth: number,
  expected: string,
  find: (name: string) => Combinator | undefined,
): void {
  const tag = tagOf(value, expected);
  const c = find(tag);
  if (!c) throw domain.nameError(tag, expected);
  w.uint32(c.id);
  c.writeBody(w, value as TlObject, depth + 1);
}

export function boxedCodec(domain: Domain, label: string, constructors: readonly Combinator[]): ValueCodec {
  const byId = new Map(constructors.map((c) => [c.id, c]));
  const byName = new Map(constructors.map((c) => [c.name, c]));
  let size = -1;
  return {
    label,
    // The id and the smallest constructor's fields, so a vector count is held to what fits.
    get minSize() {
      if (size < 0) size = 4 + Math.min(...constructors.map((c) => c.minSize));
      return size;
    },
    read: (r, depth) => readBoxed(domain, r, depth, label, (id) => byId.get(id)),
    write: (w, value, depth) => writeBoxed(domain, w, value, depth, label, (name) => byName.get(name)),
  };
}

export function bareCodec(c: Combinator): ValueCodec {
  return {
    label: `%${c.name}`,
    get minSize() {
      return c.minSize;
    },
    read: (r, depth) => c.readBody(r, depth + 1),
    write(w, value, depth) {
      const tag = tagOf(value, c.name);
      if (tag !== c.name)
        throw encodeError("TL_ENCODE_WRONG_TYPE", `"${tag}" where bare ${c.name} is expected`);
      c.writeBody(w, value as TlObject, depth + 1);
    },
  };
}

export function boolCodec(domain: Domain): ValueCodec {
  return {
    label: "Bool",
    minSize: 4,
    read(r) {
      const at = r.offset;
      const id = r.uint32();
      if (id === BOOL_TRUE_ID) return true;
      if (id === BOOL_FALSE_ID) return false;
      throw domain.idError(id, "Bool", at);
    },
    write(w, value) {
      if (typeof value !== "boolean")
        throw encodeError("TL_ENCODE_BAD_VALUE", `expected a Bool (true or false), got ${describe(value)}`);
      w.uint32(value ? BOOL_TRUE_ID : BOOL_FALSE_ID);
    },
  };
}

/** Any boxed value: a constructor or function of any schema of the codec, or a Bool. */
export function objectCodec(domain: Domain, foreign: ForeignWrapper): ValueCodec {
  const bool = boolCodec(domain);
  return {
    label: "Object",
    minSize: 4,
    read(r, depth) {
      const next = r.peekUint32();
      if (next === BOOL_TRUE_ID || next === BOOL_FALSE_ID) return bool.read(r, depth);
      if (next === VECTOR_ID) {
        const detail = "a vector where only Object is known: its element type is not in the bytes";
        throw decodeError("TL_DECODE_UNTYPED", detail, r.offset);
      }
      return readBoxed(domain, r, depth, "Object", (id) => domain.byId.get(id) ?? foreign(id));
    },
    write(w, value, depth) {
      if (typeof value === "boolean") return bool.write(w, value, depth);
      if (Array.isArray(value)) {
        const detail = "an array where only Object is known: its element type is not in the JSON";
        throw encodeError("TL_ENCODE_UNTYPED", detail);
      }
      writeBoxed(domain, w, value, depth, "Object", (name) => {
        const c = domain.constructors.get(name) ?? domain.functions.get(name) ?? foreign(name);
        if (c?.declaration.resultType === "Bool") {
          throw encodeError("TL_ENCODE_BAD_VALUE", `a Bool is true or false in TL-JSON, not "${name}"`);
        }
        return c;
      });
    },
  };
}

/** `!X`: a boxed function call, wrappers of other layers included. */
export function callCodec(domain: Domain, foreign: ForeignWrapper): ValueCodec {
  return {
    label: "a function call",
    minSize: 4,
    read: (r, depth) =>
      readBoxed(domain, r, depth, "a function call", (id) => {
        const known = domain.byId.get(id);
        return known?.kind === "function" ? known : foreign(id);
      }),
    write: (w, value, depth) =>
      writeBoxed(
        domain,
        w,
        value,
        depth,
        "a function call",
        (name) => domain.functions.get(name) ?? foreign(name),
      ),
  };
}
