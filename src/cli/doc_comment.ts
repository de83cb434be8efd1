// The doc comment above a definition (a step or a parameter type), read from its source file:
// where the step catalogue takes each step's description and example from. A comment, not a
// wrapper around Given/When/Then, so the definitions stay the plain calls an editor's Cucumber
// extension reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface DocComment {
  /** The comment's text without its tags, as one line. */
  description: string;
  /** Each `@example` line, as written. */
  examples: string[];
}

const sources = new Map<string, string[]>();

function linesOf(path: string): string[] {
  let lines = sources.get(path);
  if (!lines) {
    lines = readFileSync(path, "utf8").split("\n");
    sources.set(path, lines);
  }
  return lines;
}

const START = /^\s*(?:Given|When|Then|defineParameterType)\(/;

/** The comment that ends right above the call that starts at or just before `line` (1-based). */
export function docCommentAt(root: string, uri: string, line: number): DocComment | undefined {
  const lines = linesOf(join(root, uri));
  let at = line - 1;
  while (at > 0 && at > line - 4 && !START.test(lines[at] ?? "")) at -= 1;
  if (!START.test(lines[at] ?? "") || !/\*\/\s*$/.test(lines[at - 1] ?? "")) return undefined;
  let open = at - 1;
  while (open >= 0 && !/^\s*\/\*\*/.test(lines[open] ?? "")) open -= 1;
  if (open < 0) return undefined;
  const body = lines
    .slice(open, at)
    .map((l) =>
      l
        .replace(/\*\/\s*$/, "")
        .replace(/^\s*\/\*\*|^\s*\*/, "")
        .trim(),
    )
    .filter((l) => l !== "");
  return {
    description: body
      .filter((l) => !l.startsWith("@"))
      .join(" ")
      .trim(),
    examples: body.filter((l) => l.startsWith("@example ")).map((l) => l.slice("@example ".length).trim()),
  };
}
