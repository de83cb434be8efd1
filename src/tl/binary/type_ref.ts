// A TL type expression as written in a field or result (`Vector<User>`, `%Message`, `!X`,
// `vector<future_salt>`, `int`) read into a tree the codec compiles.
export type TypeRef =
  | { kind: "primitive"; name: string }
  | { kind: "Bool" }
  | { kind: "Object" }
  /** `!X`: a boxed function call whose result is X. */
  | { kind: "call" }
  | { kind: "vector"; boxed: boolean; element: TypeRef }
  /** A boxed type: its value is any of its constructors, written with the constructor's id. */
  | { kind: "boxed"; type: string }
  /** A bare constructor (`future_salt`) or the only constructor of a type (`%Message`): no id. */
  | { kind: "bare"; name: string; viaType: boolean };

const PRIMITIVES = new Set(["int", "long", "double", "string", "bytes", "int128", "int256", "#"]);
const VECTOR = /^(%?)([Vv])ector\s*<(.+)>$/;

/** `contacts.Link` is boxed, `contacts.link` bare: the case of the name after the namespace decides. */
export function isBoxedName(name: string): boolean {
  const first = name.charCodeAt(name.lastIndexOf(".") + 1);
  return first >= 65 && first <= 90;
}

/** Reads `expr`; `typeParams` are the `{X:Type}` names of the declaration it comes from. */
export function parseTypeRef(expr: string, typeParams: ReadonlySet<string>): TypeRef | undefined {
  const type = expr.trim();
  if (PRIMITIVES.has(type)) return { kind: "primitive", name: type };
  if (type === "Bool") return { kind: "Bool" };
  if (type === "Object") return { kind: "Object" };
  // `!X` only ever appears with X a type parameter; at the API, "!X" asks for a call.
  if (type.startsWith("!")) return { kind: "call" };
  const vector = VECTOR.exec(type);
  if (vector) {
    const element = parseTypeRef(vector[3] ?? "", typeParams);
    return element && { kind: "vector", boxed: vector[1] === "" && vector[2] === "V", element };
  }
  if (typeParams.has(type) || !/^%?[A-Za-z_][\w.]*$/.test(type)) return undefined;
  if (type.startsWith("%")) return { kind: "bare", name: type.slice(1), viaType: isBoxedName(type.slice(1)) };
  return isBoxedName(type) ? { kind: "boxed", type } : { kind: "bare", name: type, viaType: false };
}
