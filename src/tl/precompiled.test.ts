// The validators generated at build time: current, complete, and giving exactly what the
// validators compiled at run time give, on valid values, on broken ones and on any JSON.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { ValidateFunction } from "ajv";
import fc from "fast-check";
import { MUTATIONS, mutate, valuesOf } from "../../test/tl/json_schema_arbitrary.ts";
import { isGeneric } from "./derive_schema.ts";
import { toValidation } from "./format_issues.ts";
import { loadLayerTl } from "./layers.ts";
import { precompiledValidator, readValidatorModule, validatorModulePath } from "./precompiled.ts";
import { compiledDefinitionValidator, layerDocument } from "./schema_registry.ts";
import { defKey, type JsonSchema } from "./type_expr.ts";
import { LAYERS, type Layer } from "./types.ts";
import { validatorModuleText } from "./validator_module.ts";

test("src/tl/generated/validators.cjs is what generation gives (else run `npm run generate`)", () => {
  assert.ok(
    readFileSync(validatorModulePath(), "utf8") === validatorModuleText(),
    "src/tl/generated/validators.cjs is stale",
  );
});

test("every definition of every layer has a generated validator", () => {
  for (const layer of LAYERS) {
    for (const key of Object.keys(layerDocument(layer).$defs as object))
      assert.equal(typeof precompiledValidator(layer, key), "function", `${layer} ${key}`);
  }
});

/** Everything a caller can see of one validation: the answer, Ajv's errors, the issues. */
function outcome(validate: ValidateFunction, value: unknown): unknown {
  const ok = validate(value);
  const errors = validate.errors ?? [];
  return { ok, errors: errors.map((e) => ({ ...e })), validation: ok ? "ok" : toValidation(errors) };
}

function agree(layer: Layer, key: string, value: unknown): void {
  const generated = precompiledValidator(layer, key) as ValidateFunction;
  assert.deepStrictEqual(
    outcome(generated, value),
    outcome(compiledDefinitionValidator(layer, key), value),
    `layer ${layer} ${key}: ${JSON.stringify(value)}`,
  );
}

/** The definitions the server and the harness validate against, in every layer. */
function checkedKeys(layer: Layer): string[] {
  const tl = loadLayerTl(layer);
  const calls = tl.functions.filter((f) => !isGeneric(f)).map((f) => f.name);
  const types = Object.keys(layerDocument(layer).$defs as object).filter((k) => k.startsWith("type:"));
  return [...calls.flatMap((m) => [defKey.method(m), defKey.result(m)]), ...types];
}

test("generated and compiled validators agree on valid values and on single mutations", () => {
  for (const layer of LAYERS) {
    const arbitraryOf = valuesOf(layerDocument(layer).$defs as Record<string, JsonSchema>);
    for (const key of checkedKeys(layer)) {
      fc.assert(
        fc.property(arbitraryOf(key), fc.constantFrom(...MUTATIONS), (value, mutation) => {
          agree(layer, key, value);
          const broken = typeof value === "object" && value !== null && !Array.isArray(value);
          if (broken) agree(layer, key, mutate(value as Record<string, unknown>, mutation));
        }),
        { numRuns: 8 },
      );
    }
  }
});

test("generated and compiled validators agree on any JSON, rpc_error and the primitives", () => {
  const keys = LAYERS.flatMap((layer) =>
    [...checkedKeys(layer), "rpc_error", "int", "long", "nat", "bytes", "Bool"].map(
      (key): [Layer, string] => [layer, key],
    ),
  );
  const rpcError = fc.record({
    _: fc.constantFrom("rpc_error", "rpc_errors"),
    error_code: fc.oneof(fc.integer(), fc.string()),
    error_message: fc.oneof(fc.string(), fc.integer()),
  });
  const longish = fc.oneof(fc.bigInt().map(String), fc.stringMatching(/^-?0?[0-9]{0,20}$/));
  fc.assert(
    fc.property(
      fc.constantFrom(...keys),
      fc.oneof(fc.jsonValue(), rpcError, longish),
      ([layer, key], value) => agree(layer, key, value),
    ),
    { numRuns: 3000 },
  );
});

test("a generated module from other .tl files is not used: validators are compiled instead", () => {
  const current = readFileSync(validatorModulePath(), "utf8");
  const stale = current.replace(/exports\.sourceDigest = "[0-9a-f]+"/, 'exports.sourceDigest = "0"');
  assert.deepEqual(readValidatorModule(stale, "stale.cjs"), { unusable: "stale.cjs is stale" });
  const read = readValidatorModule(current, "current.cjs");
  assert.ok("validators" in read && typeof read.validators["3|type:User"] === "function");
});
