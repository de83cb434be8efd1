// Vectors: boxed `Vector<T>` (the vector#1cb5c415 id, a count, the elements) and bare `vector<T>`
// (no id). The count is checked against the bytes left before anything is allocated for it.

import type { Domain } from "./domain.ts";
import { VECTOR_ID } from "./domain.ts";
import { atSegment, decodeError, encodeError } from "./errors.ts";
import { describe, type ValueCodec } from "./value_codec.ts";

export function vectorCodec(domain: Domain, element: ValueCodec, boxed: boolean): ValueCodec {
  const label = `${boxed ? "Vector" : "vector"}<${element.label}>`;
  // Read on first use: a bare element's size is known only once every combinator is compiled.
  let elementSize = 0;
  return {
    label,
    minSize: boxed ? 8 : 4,
    read(r, depth) {
      if (depth > r.maxDepth)
        throw decodeError("TL_DECODE_TOO_DEEP", `nesting deeper than ${r.maxDepth}`, r.offset);
      if (boxed) {
        const at = r.offset;
        const id = r.uint32();
        if (id !== VECTOR_ID) throw domain.idError(id, label, at);
      }
      const at = r.offset;
      const count = r.int32("vector count");
      if (elementSize === 0) elementSize = Math.max(1, element.minSize);
      if (count < 0 || count > r.remaining() / elementSize) {
        throw decodeError(
          "TL_DECODE_VECTOR_TOO_LONG",
          `${label} of ${count} with ${r.remaining()} bytes left`,
          at,
        );
      }
      const out: unknown[] = [];
      for (let i = 0; i < count; i += 1) out.push(element.read(r, depth + 1));
      return out;
    },
    write(w, value, depth) {
      if (!Array.isArray(value))
        throw encodeError("TL_ENCODE_BAD_VALUE", `expected an array for ${label}, got ${describe(value)}`);
      if (depth > w.maxDepth) throw encodeError("TL_ENCODE_TOO_DEEP", `nesting deeper than ${w.maxDepth}`);
      if (boxed) w.uint32(VECTOR_ID);
      w.int32(value.length);
      for (let i = 0; i < value.length; i += 1) {
        try {
          element.write(w, value[i], depth + 1);
        } catch (error) {
          throw atSegment(error, i);
        }
      }
    },
  };
}
