// One constructor or function, compiled: its id and the plan of its fields. Reading builds the
// TL-JSON object in TL field order; writing checks that the object has exactly the TL fields.
import type { TlCombinator } from "../types.ts";
import { atSegment, decodeError, encodeError } from "./errors.ts";
import type { TlReader } from "./reader.ts";
import type { TlObject } from "./value_codec.ts";
import type { TlWriter } from "./writer.ts";

/** How one field is read and written; `owner` is the object the field belongs to (the fields
 * before it are already read), for the fields whose form depends on an earlier one. */
export interface FieldPlan {
  readonly name: string;
  readonly minSize: number;
  read(reader: TlReader, depth: number, owner: TlObject): unknown;
  write(writer: TlWriter, value: unknown, depth: number, owner: TlObject): void;
}

export class Combinator {
  readonly name: string;
  readonly id: number;
  fields: FieldPlan[] = [];
  private bodySize = -1;

  constructor(
    readonly declaration: TlCombinator,
    /** Index of the schema it comes from within its codec. */
    readonly scope: number,
  ) {
    this.name = declaration.name;
    // A line without an id (the service schema's `message`) has the id of its text.
    this.id = declaration.explicitId ?? declaration.computedId;
  }

  get kind(): TlCombinator["kind"] {
    return this.declaration.kind;
  }

  /** Fewest bytes of the fields (the id excluded); a self-containing bare type counts 0 for itself. */
  get minSize(): number {
    if (this.bodySize < 0) {
      this.bodySize = 0;
      this.bodySize = this.fields.reduce((sum, f) => sum + f.minSize, 0);
    }
    return this.bodySize;
  }

  readBody(r: TlReader, depth: number): TlObject {
    if (depth > r.maxDepth)
      throw decodeError("TL_DECODE_TOO_DEEP", `nesting deeper than ${r.maxDepth}`, r.offset);
    const value: TlObject = { _: this.name };
    for (const field of this.fields) value[field.name] = field.read(r, depth, value);
    return value;
  }

  writeBody(w: TlWriter, value: TlObject, depth: number): void {
    if (depth > w.maxDepth) throw encodeError("TL_ENCODE_TOO_DEEP", `nesting deeper than ${w.maxDepth}`);
    const fields = this.fields;
    for (const field of fields) {
      const v = value[field.name];
      if (v === undefined)
        throw encodeError("TL_ENCODE_MISSING_FIELD", `${this.name} needs field "${field.name}"`);
      try {
        field.write(w, v, depth, value);
      } catch (error) {
        throw atSegment(error, field.name);
      }
    }
    let keys = 0;
    for (const _ in value) keys += 1;
    if (keys !== fields.length + 1) {
      const extra = Object.keys(value).find((k) => k !== "_" && !fields.some((f) => f.name === k));
      throw encodeError("TL_ENCODE_EXTRA_FIELD", `${this.name} has no field "${extra ?? "?"}"`);
    }
  }
}
