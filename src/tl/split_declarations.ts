// Cuts TL source text into declarations (text up to `;`) with their section and position,
// dropping comments. Kept apart from the declaration grammar so each stays small.
import { TlParseError } from "./parse_error.ts";

export interface RawDeclaration {
  text: string;
  section: "types" | "functions";
  line: number;
  column: number;
}

const SECTION = /^---\s*(types|functions)\s*---$/;

/** Replaces comments with spaces of equal length, so columns stay true. */
function blankComments(source: string, file: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) {
        const line = source.slice(0, i).split("\n").length;
        throw new TlParseError(file, line, i - source.lastIndexOf("\n", i - 1), "unterminated /* comment");
      }
      out += source.slice(i, end + 2).replace(/[^\n]/g, " ");
      i = end + 2;
    } else {
      out += source[i];
      i += 1;
    }
  }
  return out;
}

export function splitDeclarations(source: string, file: string): RawDeclaration[] {
  const lines = blankComments(source.replace(/\r\n?/g, "\n"), file).split("\n");
  const declarations: RawDeclaration[] = [];
  let section: RawDeclaration["section"] = "types";
  let pending: { text: string; line: number; column: number } | undefined;
  lines.forEach((lineText, index) => {
    const lineNo = index + 1;
    const sectionMatch = SECTION.exec(lineText.trim());
    if (sectionMatch) {
      if (pending) throw new TlParseError(file, pending.line, pending.column, "declaration not ended by ';'");
      section = sectionMatch[1] === "functions" ? "functions" : "types";
      return;
    }
    let rest = lineText;
    let offset = 0;
    while (rest.trim() !== "") {
      const semicolon = rest.indexOf(";");
      const piece = semicolon === -1 ? rest : rest.slice(0, semicolon);
      if (!pending && piece.trim() !== "") {
        pending = { text: "", line: lineNo, column: offset + piece.search(/\S/) + 1 };
      }
      if (pending) pending.text += `${piece} `;
      if (semicolon === -1) break;
      if (!pending || pending.text.trim() === "") {
        throw new TlParseError(file, lineNo, offset + semicolon + 1, "empty declaration before ';'");
      }
      declarations.push({ text: pending.text.trim(), section, line: pending.line, column: pending.column });
      pending = undefined;
      offset += semicolon + 1;
      rest = rest.slice(semicolon + 1);
    }
  });
  if (pending) throw new TlParseError(file, pending.line, pending.column, "declaration not ended by ';'");
  return declarations;
}
