// The grammar of one declaration: `name#id {X:Type} field:type ... = Result`. Anonymous fields
// (`#`, `[ t ]`, `?`) are kept with an empty name so builtins like `vector` and `int ? = Int` parse.
import { computeId } from "./compute_id.ts";
import { TlParseError } from "./parse_error.ts";
import type { RawDeclaration } from "./split_declarations.ts";
import type { TlCombinator, TlParam } from "./types.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const ID = /^[0-9a-fA-F]{1,8}$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Everything a type term may hold: names, namespaces, generics, `!X`, `%T`, `flags.0?T`, `4*[ int ]`.
const TYPE_TERM = /^[A-Za-z0-9_.<>!%#?*[\] ]+$/;
const CLOSERS: Record<string, string> = { "[": "]", "(": ")", "{": "}", "<": ">" };

interface Token {
  text: string;
  column: number;
}

/** Splits on whitespace outside brackets, so `[ t ]`, `{X:Type}` and `n:4*[ int ]` stay whole. */
function tokenize(text: string, fail: (column: number, reason: string) => never): Token[] {
  const tokens: Token[] = [];
  const stack: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i += 1) {
    const ch = text[i] ?? " ";
    if (/\s/.test(ch) && stack.length === 0) {
      if (start !== -1) tokens.push({ text: text.slice(start, i), column: start });
      start = -1;
      continue;
    }
    if (start === -1) start = i;
    const closer = CLOSERS[ch];
    if (closer) stack.push(closer);
    else if (ch === "]" || ch === ")" || ch === "}" || ch === ">") {
      if (stack.pop() !== ch) fail(i, `unbalanced '${ch}'`);
    }
  }
  if (stack.length > 0) fail(text.length, `missing '${stack[stack.length - 1]}'`);
  return tokens;
}

function parseField(token: Token, fail: (column: number, reason: string) => never): TlParam {
  const colon = token.text.indexOf(":");
  const name = colon === -1 ? "" : token.text.slice(0, colon);
  const type = colon === -1 ? token.text : token.text.slice(colon + 1);
  if (name !== "" && !FIELD_NAME.test(name)) fail(token.column, `bad field name "${name}"`);
  if (type === "" || !TYPE_TERM.test(type)) fail(token.column + colon + 1, `bad type "${type}"`);
  return { name, type };
}

export function parseDeclaration(raw: RawDeclaration, file: string): TlCombinator {
  // Columns inside `raw.text` map back to the source only on the first line; that is where
  // nearly every declaration starts and ends, and the line number stays right either way.
  const fail = (column: number, reason: string): never => {
    throw new TlParseError(file, raw.line, raw.column + column, reason);
  };
  const equals = raw.text.indexOf("=");
  if (equals === -1) fail(0, "expected '=' before ';'");
  const resultType = raw.text.slice(equals + 1).trim();
  if (resultType === "" || !TYPE_TERM.test(resultType)) fail(equals + 1, `bad result type "${resultType}"`);

  const [head, ...rest] = tokenize(raw.text.slice(0, equals), fail);
  if (!head) return fail(0, "missing combinator name");
  const [name = "", idText] = head.text.split("#");
  if (!NAME.test(name)) fail(head.column, `bad combinator name "${head.text}"`);
  if (idText !== undefined && !ID.test(idText)) fail(head.column + name.length, `bad id "#${idText}"`);

  const typeParams: TlParam[] = [];
  const params: TlParam[] = [];
  for (const token of rest) {
    if (token.text.startsWith("{")) {
      const inner = { text: token.text.slice(1, -1).trim(), column: token.column + 1 };
      typeParams.push(parseField(inner, fail));
    } else {
      params.push(parseField(token, fail));
    }
  }
  return {
    kind: raw.section === "functions" ? "function" : "constructor",
    name,
    explicitId: idText === undefined ? undefined : Number.parseInt(idText, 16) >>> 0,
    computedId: computeId(raw.text),
    typeParams,
    params,
    resultType,
    source: { file, line: raw.line, column: raw.column },
  };
}
