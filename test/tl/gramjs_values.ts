// TL-JSON values ⇄ the objects of gramjs rebuilt from our schema, converted field by field by the
// TL types of our schema text: longs as big-integer values, int128/int256 through gramjs's own
// byte conversions, bytes as Buffers, Bool as booleans, vectors as arrays, objects by their `_`.
import type { TlCombinator } from "../../src/tl/index.ts";
import type { BigInteger, GramObject, RebuiltGramjs } from "./gramjs_rebuild.ts";

/** A value gramjs cannot hold: a constructor gramjs lacks, or one of another layer's form. */
export class NotInGramjs extends Error {}

const VECTOR = /^%?[Vv]ector<(.+)>$/;

export function gramjsValues(gramjs: RebuiltGramjs, combinators: readonly TlCombinator[]) {
  const byName = new Map(combinators.map((c) => [c.name, c]));
  const byClass = new Map(
    combinators.map((c) => {
      const dot = c.name.indexOf(".");
      const local = gramjs.className(dot === -1 ? c.name : c.name.slice(dot + 1));
      return [dot === -1 ? local : `${c.name.slice(0, dot)}.${local}`, c];
    }),
  );

  function toGram(type: string, value: unknown): unknown {
    const vector = VECTOR.exec(type);
    if (vector) return (value as unknown[]).map((v) => toGram(vector[1] ?? "", v));
    switch (type) {
      case "long":
        return gramjs.bigInt(value as string);
      case "int128":
      case "int256":
        return gramjs.bigIntFromBytes(Buffer.from(value as string, "hex"));
      case "bytes":
        return Buffer.from(value as string, "base64");
      case "int":
      case "double":
      case "string":
      case "Bool":
        return value;
    }
    const object = value as Record<string, unknown>;
    const c = byName.get(object._ as string);
    const Class = c && gramjs.classOf(c.name);
    const fields = c?.params.map((p) => p.name) ?? [];
    const keys = Object.keys(object).filter((k) => k !== "_");
    if (!c || !Class || keys.length !== fields.length || keys.some((k) => !fields.includes(k))) {
      throw new NotInGramjs(String(object._));
    }
    return new Class(
      Object.fromEntries(c.params.map((p) => [gramjs.fieldName(p.name), toGram(p.type, object[p.name])])),
    );
  }

  function fromGram(type: string, value: unknown): unknown {
    const vector = VECTOR.exec(type);
    if (vector) return (value as unknown[]).map((v) => fromGram(vector[1] ?? "", v));
    switch (type) {
      case "long":
        return (value as BigInteger).toString();
      case "int128":
        return gramjs.bytesFromBigInt(value as BigInteger, 16).toString("hex");
      case "int256":
        return gramjs.bytesFromBigInt(value as BigInteger, 32).toString("hex");
      case "bytes":
        return (value as Buffer).toString("base64");
      case "int":
      case "double":
      case "string":
      case "Bool":
        return value;
    }
    const object = value as GramObject;
    const c = byClass.get(object.className);
    if (!c) throw new Error(`gramjs read a ${object.className}, which our schemas lack`);
    return Object.fromEntries([
      ["_", c.name],
      ...c.params.map((p) => [p.name, fromGram(p.type, object[gramjs.fieldName(p.name)])]),
    ]);
  }

  return {
    /** The gramjs object of a TL-JSON object; throws NotInGramjs for what gramjs cannot hold. */
    toGram: (value: Record<string, unknown>) => toGram("Object", value) as GramObject,
    fromGram: (value: unknown) => fromGram("Object", value) as Record<string, unknown>,
  };
}
