// LayerSchema: what the server and the harness ask of one layer (see types.ts).
import { isGeneric, layerSchemaId, typesOf } from "./derive_schema.ts";
import { invalid, toValidation } from "./format_issues.ts";
import { loadLayerTl } from "./layers.ts";
import { definitionValidator, validatorFor } from "./schema_registry.ts";
import { defKey, typeExprSchema } from "./type_expr.ts";
import type { Layer, LayerSchema, Validation } from "./types.ts";

const OK: Validation = { ok: true };
const cache = new Map<Layer, LayerSchema>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function build(layer: Layer): LayerSchema {
  const tl = loadLayerTl(layer);
  const types = typesOf(tl);
  const methods = new Map(tl.functions.filter((f) => !isGeneric(f)).map((f) => [f.name, f]));
  const constructors = new Set(tl.constructors.map((c) => c.name));
  const check = (key: string, value: unknown): Validation => {
    const validate = definitionValidator(layer, key);
    return validate(value) ? OK : toValidation(validate.errors);
  };
  return {
    layer,
    tl,
    hasMethod: (name) => methods.has(name),
    hasConstructor: (name) => constructors.has(name),
    constructorsOf: (type) => (types.get(type) ?? []).map((c) => c.name),
    resultTypeOf: (method) => methods.get(method)?.resultType,
    validateParams(call) {
      if (!isObject(call)) return invalid("", "type", "a call must be a JSON object");
      const name = call._;
      if (typeof name !== "string") return invalid("/_", "type", `"_" must be a string naming a method`);
      if (!methods.has(name)) return invalid("/_", "method", `"${name}" is not a method of layer ${layer}`);
      return check(defKey.method(name), call);
    },
    validateResult(method, result) {
      if (!methods.has(method)) return invalid("", "method", `"${method}" is not a method of layer ${layer}`);
      if (isObject(result) && result._ === "rpc_error") return check("rpc_error", result);
      return check(defKey.result(method), result);
    },
    validateType(type, value) {
      let validate: ReturnType<typeof validatorFor>;
      try {
        validate = validatorFor(`${layer}|${type}`, () =>
          typeExprSchema(type, {
            refBase: `${layerSchemaId(layer)}#/$defs/`,
            typeParams: new Set(),
            hasType: (name) => types.has(name),
            hasConstructor: (name) => constructors.has(name),
          }),
        );
      } catch (error) {
        return invalid("", "type", error instanceof Error ? error.message : String(error));
      }
      return validate(value) ? OK : toValidation(validate.errors);
    },
  };
}

export function layerSchema(layer: Layer): LayerSchema {
  let schema = cache.get(layer);
  if (!schema) {
    schema = build(layer);
    cache.set(layer, schema);
  }
  return schema;
}

/** Checks an rpc_error answer on its own, for requests that named no valid method. */
export function validateRpcError(value: unknown): Validation {
  const validate = definitionValidator(1, "rpc_error");
  return validate(value) ? OK : toValidation(validate.errors);
}
