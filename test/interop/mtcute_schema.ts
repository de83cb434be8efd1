// Reader and writer maps that let mtcute speak layer 3. mtcute's own maps are generated for a
// modern layer (its TL code generator, @mtcute/tl-utils, is not published on the registry this
// project installs from), so the API part is built here at run time from schema/layer3.tl, in
// mtcute's conventions: constructor names as in the TL text, camelCase fields, `long` as Long,
// one closure per constructor over mtcute's own TlBinaryReader / TlBinaryWriter primitives.
//
// The service schema (resPQ, the DH messages, pong, new_session_created, bad_server_salt, …)
// keeps mtcute's own readers and writers, picked by the ids and names mtcute ships in
// @mtcute/core/tl/mtp-schema.json: the handshake and every service message are serialized by
// code nobody here wrote. So is the generic invokeWithLayer#da9b0d0d wrapper mtcute puts
// around its first call; the initConnection inside it is layer 3's #3fc12e08.
import { createRequire } from "node:module";
import { __tlReaderMap, __tlWriterMap, type TlReaderMap, type TlWriterMap } from "@mtcute/core/utils.js";
import type { TlBinaryReader, TlBinaryWriter } from "@mtcute/tl-runtime";
import type { TlCombinator, TlSchema } from "../../src/tl/index.ts";

const require = createRequire(import.meta.url);

interface MtpEntry {
  name: string;
  id: number;
}

// Ids TlBinaryReader parses itself inside `object()`; they must not be in a reader map.
const READ_BY_MTCUTE = new Set([0x1cb5c415, 0x3072cfa1, 0xbc799737, 0x997275b5, 0x3fedd339, 0x56730bcc]);
// The API layer's core lines TlBinaryReader/Writer handle natively (Bool, vector, null).
const NATIVE = new Set(["boolFalse", "boolTrue", "vector", "null", "true"]);

type Read = (r: TlBinaryReader) => unknown;
type Write = (w: TlBinaryWriter, value: unknown) => void;

/** `first_name` → `firstName`, as mtcute names fields. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function vectorItem(type: string): string | undefined {
  const match = /^Vector<(.+)>$/.exec(type);
  return match?.[1];
}

function isBoxedType(type: string): boolean {
  const local = type.slice(type.lastIndexOf(".") + 1);
  return /^[A-Z]/.test(local);
}

function readerOf(type: string): Read {
  switch (type) {
    case "int":
      return (r) => r.int();
    case "long":
      return (r) => r.long();
    case "double":
      return (r) => r.double();
    case "string":
      return (r) => r.string();
    case "bytes":
      return (r) => r.bytes();
    case "int128":
      return (r) => r.int128();
    case "int256":
      return (r) => r.int256();
    case "Bool":
      return (r) => r.boolean();
  }
  const item = vectorItem(type);
  if (item !== undefined) {
    const readItem = readerOf(item);
    return (r) => r.vector(() => readItem(r));
  }
  if (isBoxedType(type)) return (r) => r.object();
  throw new Error(`no mtcute reader for the TL type ${type}`);
}

function required(value: unknown, what: string): unknown {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

function writerOf(type: string): Write {
  // The casts hand each value to the primitive mtcute's writer has for it; a wrong value fails
  // in mtcute (a string is not a Long), as it would with mtcute's generated writers.
  switch (type) {
    case "int":
      return (w, v) => w.int(v as number);
    case "long":
      return (w, v) => w.long(v as Parameters<TlBinaryWriter["long"]>[0]);
    case "double":
      return (w, v) => w.double(v as number);
    case "string":
      return (w, v) => w.string(v as string);
    case "bytes":
      return (w, v) => w.bytes(v as Uint8Array);
    case "int128":
      return (w, v) => w.int128(v as Uint8Array);
    case "int256":
      return (w, v) => w.int256(v as Uint8Array);
    case "Bool":
      return (w, v) => w.boolean(v as boolean);
    case "!X":
      return (w, v) => w.object(v);
  }
  const item = vectorItem(type);
  if (item !== undefined) {
    const writeItem = writerOf(item);
    return (w, v) => w.vector((element) => writeItem(w, element), v as unknown[]);
  }
  if (isBoxedType(type)) return (w, v) => w.object(v);
  throw new Error(`no mtcute writer for the TL type ${type}`);
}

function idOf(c: TlCombinator): number {
  if (c.explicitId === undefined) throw new Error(`${c.name} has no id`);
  return c.explicitId;
}

function constructorReader(c: TlCombinator): Read {
  const fields = c.params.map((p) => ({ name: camelCase(p.name), read: readerOf(p.type) }));
  return (r) => {
    const value: Record<string, unknown> = { _: c.name };
    for (const field of fields) value[field.name] = field.read(r);
    return value;
  };
}

function combinatorWriter(c: TlCombinator): Write {
  const id = idOf(c);
  const fields = c.params.map((p) => ({ name: camelCase(p.name), write: writerOf(p.type) }));
  return (w, v) => {
    const value = v as Record<string, unknown>;
    w.uint(id);
    for (const field of fields) field.write(w, required(value[field.name], `${c.name}.${field.name}`));
  };
}

/** mtcute's own readers and writers of the MTProto service schema (every `mt_` line it ships). */
function mtcuteServiceMaps(): { readers: TlReaderMap; writers: Record<string, Write> } {
  const entries = require("@mtcute/core/tl/mtp-schema.json") as MtpEntry[];
  const readers: TlReaderMap = {};
  const writers: Record<string, Write> = {};
  const defaultWriters = __tlWriterMap as Record<string, Write>;
  for (const entry of entries) {
    const read = __tlReaderMap[entry.id];
    if (read !== undefined) readers[entry.id] = read;
    const write = defaultWriters[entry.name];
    if (write !== undefined) writers[entry.name] = write;
  }
  return { readers, writers };
}

/**
 * mtcute's maps for an API layer's schema: `schema` (parsed TL) for the API, mtcute's own for
 * the service schema and for `invokeWithLayer`.
 */
export function mtcuteMaps(schema: TlSchema): { readerMap: TlReaderMap; writerMap: TlWriterMap } {
  const service = mtcuteServiceMaps();
  const readerMap: TlReaderMap = { ...service.readers };
  const results: Record<string, Read> = {};
  const writers: Record<string, Write> = { ...service.writers };
  const invokeWithLayer = (__tlWriterMap as Record<string, Write>).invokeWithLayer;
  if (invokeWithLayer === undefined) throw new Error("mtcute ships no invokeWithLayer writer");
  writers.invokeWithLayer = invokeWithLayer;

  for (const c of schema.constructors) {
    if (NATIVE.has(c.name)) continue;
    const id = idOf(c);
    if (READ_BY_MTCUTE.has(id)) continue;
    readerMap[id] = constructorReader(c);
    writers[c.name] = combinatorWriter(c);
  }
  for (const f of schema.functions) {
    writers[f.name] = combinatorWriter(f);
    // mtcute reads a boxed result with `object()`; a vector of bare primitives needs its reader.
    const item = vectorItem(f.resultType);
    if (item !== undefined && !isBoxedType(item)) {
      const readItem = readerOf(item);
      results[f.name] = (r) => r.vector(() => readItem(r));
    }
  }
  readerMap._results = results;
  const writerMap: TlWriterMap = Object.assign(writers, {
    _bare: __tlWriterMap._bare,
    _staticSize: {},
  });
  return { readerMap, writerMap };
}
