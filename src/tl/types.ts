// The public shapes of the TL toolchain. The reference server and the harness share src/tl and
// nothing else, so everything either side needs from the schema is reachable through these types.

/** The API layers the suite knows. A bare call is layer 1; invokeWithLayerN declares N. */
export type Layer = 1 | 2 | 3;
export const LAYERS: readonly Layer[] = [1, 2, 3];

/** One field of a combinator, with its type exactly as written (`Vector<User>`, `!X`, `flags.0?true`). */
export interface TlParam {
  name: string;
  type: string;
}

/** Where a declaration stands in its source, for error messages and id-mismatch reports. */
export interface TlSourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface TlCombinator {
  kind: "constructor" | "function";
  /** Full name with namespace, e.g. `messages.sentMessageLink`. */
  name: string;
  /** The `#hex` id as written, unsigned 32-bit; undefined for lines without one. */
  explicitId: number | undefined;
  /** CRC-32 of the normalised declaration (shared/tl/README.md), unsigned 32-bit. */
  computedId: number;
  /** `{X:Type}` parameters. */
  typeParams: TlParam[];
  params: TlParam[];
  /** Result type as written, e.g. `messages.SentMessage`, `Vector<User>`, `X`. */
  resultType: string;
  source: TlSourcePosition;
}

export interface TlSchema {
  constructors: TlCombinator[];
  functions: TlCombinator[];
}

/** One reason a value failed its schema, in Ajv's terms so a reader can find the rule. */
export interface SchemaIssue {
  /** JSON pointer into the checked value, e.g. `/users/0/_`. */
  instancePath: string;
  schemaPath: string;
  keyword: string;
  /** A sentence for people; for an unknown constructor it names the allowed ones. */
  message: string;
}

export type Validation = { ok: true } | { ok: false; issues: SchemaIssue[]; summary: string };

/** Everything the server and the harness ask of one layer's schema. */
export interface LayerSchema {
  layer: Layer;
  tl: TlSchema;
  hasMethod(name: string): boolean;
  hasConstructor(name: string): boolean;
  /** Constructor names of a boxed type (`messages.SentMessage`), in schema order; [] if unknown. */
  constructorsOf(type: string): string[];
  /** The result type of a method as written in TL, or undefined when the layer lacks the method. */
  resultTypeOf(method: string): string | undefined;
  /** Checks a call object `{"_": method, ...params}` (not a layer wrapper) against the layer. */
  validateParams(call: unknown): Validation;
  /** Checks what a method returned: its result type, or an `rpc_error`. */
  validateResult(method: string, result: unknown): Validation;
  /** Checks a value against a type (`User`, `Vector<User>`, `int`, `long`, ...). */
  validateType(type: string, value: unknown): Validation;
}
