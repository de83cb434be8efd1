// Constructor ids are CRC-32 checksums of a normalised declaration. The rules (shared/tl/README.md)
// reproduce the ids of every public schema; each step below mirrors one rule.
import { crc32 } from "node:zlib";

const TAG = /^(\S+?)#[0-9a-fA-F]{1,8}(?=\s|$)/;
// `name:flags.3?true` fields carry no data on the wire, so they never took part in the id.
const TRUE_FLAG_FIELD = /\s[A-Za-z0-9_]+:[A-Za-z0-9_]+\.\d+\?true(?=\s|$)/g;

/** The declaration text that is checksummed: everything up to `;`, normalised. */
export function normaliseForId(declaration: string): string {
  const upToSemicolon = declaration.split(";", 1)[0] ?? "";
  return ` ${upToSemicolon.trim()} `
    .trimStart()
    .replace(TAG, "$1")
    .replace(TRUE_FLAG_FIELD, " ")
    .replace(/:bytes(?=\s)/g, ":string")
    .replace(/\?bytes(?=\s)/g, "?string")
    .replaceAll("<", " ")
    .replaceAll(">", "")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The unsigned 32-bit id the declaration must carry. */
export function computeId(declaration: string): number {
  return crc32(Buffer.from(normaliseForId(declaration), "latin1")) >>> 0;
}

/** `#1cb5c415` style, as ids are written in TL. */
export function formatId(id: number): string {
  return `#${id.toString(16)}`;
}
