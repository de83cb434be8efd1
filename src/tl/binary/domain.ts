// The combinators a codec knows, from one or more schemas, indexed by id, by name and by type.
// A field's type is looked up in the schema of its own declaration first, so the service schema's
// `Message` and the API's `Message` never meet; lookups by id or by `_` span all schemas, the
// first schema winning a name both define (the API's `message` over the service `message`).
import { formatId } from "../compute_id.ts";
import type { TlSchema } from "../types.ts";
import { Combinator } from "./combinator.ts";
import { decodeError, encodeError, type TlCodecError } from "./errors.ts";

export const VECTOR_ID = 0x1cb5c415;
export const BOOL_TRUE_ID = 0x997275b5;
export const BOOL_FALSE_ID = 0xbc799737;

interface Scope {
  constructors: Map<string, Combinator>;
  byType: Map<string, Combinator[]>;
}

export class Domain {
  readonly byId = new Map<number, Combinator>();
  readonly constructors = new Map<string, Combinator>();
  readonly functions = new Map<string, Combinator>();
  readonly all: Combinator[] = [];
  private readonly scopes: Scope[];

  constructor(readonly schemas: readonly TlSchema[]) {
    this.scopes = schemas.map((schema, index) => {
      const scope: Scope = { constructors: new Map(), byType: new Map() };
      for (const declaration of [...schema.constructors, ...schema.functions]) {
        // The vector builtin is the codec's own; its line only documents the id.
        if (declaration.name === "vector") continue;
        const c = new Combinator(declaration, index);
        this.add(c);
        if (c.kind === "function") continue;
        scope.constructors.set(c.name, c);
        const list = scope.byType.get(declaration.resultType) ?? [];
        list.push(c);
        scope.byType.set(declaration.resultType, list);
      }
      return scope;
    });
  }

  private add(c: Combinator): void {
    const clash = this.byId.get(c.id);
    if (clash) throw new Error(`${c.name} and ${clash.name} share the id ${formatId(c.id)}`);
    this.byId.set(c.id, c);
    this.all.push(c);
    const names = c.kind === "function" ? this.functions : this.constructors;
    if (!names.has(c.name)) names.set(c.name, c);
  }

  /** Constructors of a boxed type, from the schema `scope` if it has the type, else the first that does. */
  constructorsOf(type: string, scope: number): Combinator[] | undefined {
    const order = [this.scopes[scope], ...this.scopes];
    for (const s of order) {
      const list = s?.byType.get(type);
      if (list) return list;
    }
    return undefined;
  }

  bareConstructor(name: string, scope: number): Combinator | undefined {
    return this.scopes[scope]?.constructors.get(name) ?? this.constructors.get(name);
  }

  /** The error for an id that is not what `expected` allows: unknown to every schema, or of another type. */
  idError(id: number, expected: string, at: number): TlCodecError {
    const known = this.byId.get(id);
    if (known) {
      return decodeError(
        "TL_DECODE_WRONG_TYPE",
        `${known.name}${formatId(id)} where ${expected} is expected`,
        at,
      );
    }
    if (id === VECTOR_ID || id === BOOL_TRUE_ID || id === BOOL_FALSE_ID) {
      return decodeError("TL_DECODE_WRONG_TYPE", `builtin ${formatId(id)} where ${expected} is expected`, at);
    }
    return decodeError(
      "TL_DECODE_UNKNOWN_ID",
      `unknown id ${formatId(id)} where ${expected} is expected`,
      at,
    );
  }

  nameError(name: string, expected: string): TlCodecError {
    if (this.constructors.has(name) || this.functions.has(name)) {
      return encodeError("TL_ENCODE_WRONG_TYPE", `"${name}" where ${expected} is expected`);
    }
    return encodeError(
      "TL_ENCODE_UNKNOWN_NAME",
      `no constructor or function "${name}" (${expected} expected)`,
    );
  }
}
