// gramjs (the `telegram` package), rebuilt at run time from OUR .tl text: its own parser
// (tl/generationHelpers parseTl) and class generator (tl/api createClasses) read the text we give
// in place of its bundled modern schema, and its own BinaryReader reads bytes back. Nothing of
// gramjs is changed; only its two schema-text modules are replaced before it loads, and its
// CustomMessage convenience patch (tl/patched, client sugar that expects modern Message fields,
// no part of serialization) is not applied. Load this module once per process.
import { createRequire, Module } from "node:module";

const require = createRequire(import.meta.url);

/** A gramjs TL object: its class name (`contacts.Link`), camelCase fields and serializer. */
export interface GramObject {
  CONSTRUCTOR_ID: number;
  className: string;
  getBytes(): Buffer;
  [field: string]: unknown;
}
export type GramClass = (new (args: Record<string, unknown>) => GramObject) & { CONSTRUCTOR_ID: number };

/** big-integer's values, as gramjs holds longs and int128/int256. */
export interface BigInteger {
  toString(): string;
}

export interface RebuiltGramjs {
  /** The class gramjs generated for a TL name (`contacts.link` → Api.contacts.Link). */
  classOf(name: string): GramClass | undefined;
  /** gramjs's BinaryReader.tgReadObject over `bytes`, and how many bytes it read. */
  read(bytes: Uint8Array): { value: unknown; length: number };
  bigInt(decimal: string): BigInteger;
  /** gramjs's own conversions of int128/int256 from and to little-endian signed bytes. */
  bigIntFromBytes(bytes: Buffer): BigInteger;
  bytesFromBigInt(value: BigInteger, size: number): Buffer;
  /** gramjs's name conversions: `p_q_inner_data` → `PQInnerData`, `first_name` → `firstName`. */
  className(name: string): string;
  fieldName(name: string): string;
}

/** Puts `exports` in require's cache as module `id`, so that gramjs's own requires get it. */
export function replaceModule(id: string, exports: unknown): void {
  const path = require.resolve(id);
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  require.cache[path] = module;
}

let loaded = false;

export function rebuildGramjs(apiTl: string, serviceTl: string): RebuiltGramjs {
  if (loaded) throw new Error("gramjs can be rebuilt once per process: its modules are singletons");
  loaded = true;
  replaceModule("telegram/tl/apiTl.js", apiTl);
  replaceModule("telegram/tl/schemaTl.js", serviceTl);
  const { Api } = require("telegram/tl/api.js") as { Api: Record<string, unknown> };
  replaceModule("telegram/tl/index.js", { Api });
  const { BinaryReader } = require("telegram/extensions/BinaryReader.js") as {
    BinaryReader: new (data: Buffer) => { tgReadObject(): unknown; tellPosition(): number };
  };
  const helpers = require("telegram/Helpers.js") as {
    readBigIntFromBuffer(b: Buffer, little: boolean, signed: boolean): BigInteger;
    toSignedLittleBuffer(v: BigInteger, size: number): Buffer;
  };
  const names = require("telegram/tl/generationHelpers.js") as {
    snakeToCamelCase(name: string): string;
    variableSnakeToCamelCase(name: string): string;
  };
  const bigInteger = require("big-integer") as (value: string) => BigInteger;

  return {
    classOf(name) {
      const dot = name.indexOf(".");
      const [space, local] = dot === -1 ? [undefined, name] : [name.slice(0, dot), name.slice(dot + 1)];
      const holder = (space === undefined ? Api : Api[space]) as Record<string, unknown> | undefined;
      return holder?.[names.snakeToCamelCase(local)] as GramClass | undefined;
    },
    read(bytes) {
      const reader = new BinaryReader(Buffer.from(bytes));
      const value = reader.tgReadObject();
      return { value, length: reader.tellPosition() };
    },
    bigInt: (decimal) => bigInteger(decimal),
    bigIntFromBytes: (bytes) => helpers.readBigIntFromBuffer(bytes, true, true),
    bytesFromBigInt: (value, size) => helpers.toSignedLittleBuffer(value, size),
    className: (name) => names.snakeToCamelCase(name),
    fieldName: (name) => names.variableSnakeToCamelCase(name),
  };
}
