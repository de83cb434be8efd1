// Parses a whole .tl file into constructors and functions, in source order.
import { parseDeclaration } from "./parse_declaration.ts";
import { splitDeclarations } from "./split_declarations.ts";
import type { TlSchema } from "./types.ts";

export function parseTl(source: string, file: string): TlSchema {
  const schema: TlSchema = { constructors: [], functions: [] };
  for (const raw of splitDeclarations(source, file)) {
    const combinator = parseDeclaration(raw, file);
    (combinator.kind === "function" ? schema.functions : schema.constructors).push(combinator);
  }
  return schema;
}
