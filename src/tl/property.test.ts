// Property tests of the TL-JSON checks: values generated from a layer's own JSON Schema validate,
// and a single mutation of one makes it fail.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MUTATIONS, mutate, valuesOf } from "../../test/tl/json_schema_arbitrary.ts";
import { layerSchema } from "./index.ts";
import { layerDocument } from "./schema_registry.ts";
import type { JsonSchema } from "./type_expr.ts";

const arbitraryOf = valuesOf(layerDocument(3).$defs as Record<string, JsonSchema>);

const TYPES = [
  "User",
  "Message",
  "messages.StatedMessage",
  "updates.Difference",
  "contacts.Link",
  "messages.SentMessage",
];

test("values generated from the layer-3 schema of a type validate against it", () => {
  for (const type of TYPES) {
    fc.assert(
      fc.property(arbitraryOf(`type:${type}`), (value) => {
        const result = layerSchema(3).validateType(type, value);
        assert.ok(result.ok, result.ok ? "" : result.summary);
      }),
      { numRuns: 60 },
    );
  }
});

test("a single mutation of a valid value makes it invalid", () => {
  for (const type of TYPES) {
    fc.assert(
      fc.property(arbitraryOf(`type:${type}`), fc.constantFrom(...MUTATIONS), (value, mutation) => {
        const mutated = mutate(value as Record<string, unknown>, mutation);
        fc.pre(mutated !== undefined);
        assert.equal(
          layerSchema(3).validateType(type, mutated).ok,
          false,
          `${mutation} of ${JSON.stringify(value)}`,
        );
      }),
      { numRuns: 60 },
    );
  }
});
