// Maps a TL type expression to a JSON Schema fragment, following the binding's value table:
// int → 32-bit integer, long → decimal string, bytes → base64 string, Bool → boolean,
// Vector<T> → array, a boxed type → one of its constructors (tag `_`), a bare type → that
// constructor only.
export type JsonSchema = { [key: string]: unknown };

export const PRIMITIVES = new Set(["int", "long", "double", "string", "bytes", "Bool", "#"]);

/** Definition key of each kind of thing in a layer document's `$defs`. */
export const defKey = {
  primitive: (name: string) => (name === "#" ? "nat" : name),
  constructor: (name: string) => `ctor:${name}`,
  type: (name: string) => `type:${name}`,
  method: (name: string) => `method:${name}`,
  result: (name: string) => `result:${name}`,
  call: () => "call",
};

/** `User`, `contacts.Link`: a boxed type starts with a capital after its namespace. */
export function isBoxedType(name: string): boolean {
  const last = name.slice(name.lastIndexOf(".") + 1);
  return /^[A-Z]/.test(last);
}

const VECTOR = /^[Vv]ector\s*<(.+)>$/;

export interface TypeContext {
  /** Prefix of every `$ref`: "#/$defs/" inside a layer document, the absolute id outside it. */
  refBase: string;
  typeParams: ReadonlySet<string>;
  hasType(name: string): boolean;
  hasConstructor(name: string): boolean;
}

export class UnknownTypeError extends Error {
  override name = "UnknownTypeError";
}

export function typeExprSchema(expr: string, ctx: TypeContext): JsonSchema {
  const type = expr.trim();
  const ref = (key: string): JsonSchema => ({ $ref: `${ctx.refBase}${key}` });
  const vector = VECTOR.exec(type);
  if (vector?.[1]) return { type: "array", items: typeExprSchema(vector[1], ctx) };
  if (PRIMITIVES.has(type)) return ref(defKey.primitive(type));
  if (type.startsWith("!") && ctx.typeParams.has(type.slice(1))) return ref(defKey.call());
  if (ctx.typeParams.has(type)) return {};
  if (isBoxedType(type) && ctx.hasType(type)) return ref(defKey.type(type));
  const bare = type.startsWith("%") ? type.slice(1) : type;
  if (ctx.hasConstructor(bare)) return ref(defKey.constructor(bare));
  throw new UnknownTypeError(`unknown TL type "${type}"`);
}
