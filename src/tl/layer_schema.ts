// LayerSchema: what the server and the harness ask of one layer (see types.ts).
import type { ValidateFunction } from "ajv";
import { isGeneric, layerSchemaId, typesOf } from "./derive_schema.ts";
import { invalid, toValidation } from "./format_issues.ts";
import { loadLayerTl } from "./layers.ts";
import { definitionValidator, validatorFor } from "./schema_registry.ts";
import { defKey, type JsonSchema, typeExprSchema } from "./type_expr.ts";
import type { Layer, LayerSchema, Validation } from "./types.ts";

const OK: Validation = { ok: true };
const cache = new Map<Layer, LayerSchema>();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function run(validate: ValidateFunction, value: unknown): Validation {
  return validate(value) ? OK : toValidation(validate.errors);
}

/**
 * Validators looked up once per name and kept: a validation is then one Map lookup and the
 * call, with no key string built per call (that was 23% of a validation).
 */
function resolvedBy(resolve: (name: string) => ValidateFunction): (name: string) => ValidateFunction {
  const known = new Map<string, ValidateFunction>();
  return (name) => {
    let validate = known.get(name);
    if (!validate) {
      validate = resolve(name);
      known.set(name, validate);
    }
    return validate;
  };
}

function build(layer: Layer): LayerSchema {
  const tl = loadLayerTl(layer);
  const types = typesOf(tl);
  const methods = new Map(tl.functions.filter((f) => !isGeneric(f)).map((f) => [f.name, f]));
  const constructors = new Set(tl.constructors.map((c) => c.name));
  const refBase = `${layerSchemaId(layer)}#/$defs/`;
  const paramsOf = resolvedBy((method) => definitionValidator(layer, defKey.method(method)));
  const resultOf = resolvedBy((method) => definitionValidator(layer, defKey.result(method)));
  // A type that is one definition (`User`, `long`, `%userContact`) has a generated validator; a
  // composite expression (`Vector<User>`) is compiled on first use.
  const typeValidator = resolvedBy((type) => {
    const schema: JsonSchema = typeExprSchema(type, {
      refBase,
      typeParams: new Set(),
      hasType: (name) => types.has(name),
      hasConstructor: (name) => constructors.has(name),
    });
    const ref = schema.$ref;
    if (Object.keys(schema).length === 1 && typeof ref === "string" && ref.startsWith(refBase))
      return definitionValidator(layer, ref.slice(refBase.length));
    return validatorFor(`${layer}|${type}`, () => schema);
  });
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
      return run(paramsOf(name), call);
    },
    validateResult(method, result) {
      if (!methods.has(method)) return invalid("", "method", `"${method}" is not a method of layer ${layer}`);
      if (isObject(result) && result._ === "rpc_error") return validateRpcError(result);
      return run(resultOf(method), result);
    },
    validateType(type, value) {
      let validate: ValidateFunction;
      try {
        validate = typeValidator(type);
      } catch (error) {
        return invalid("", "type", error instanceof Error ? error.message : String(error));
      }
      return run(validate, value);
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

let rpcError: ValidateFunction | undefined;

/** Checks an rpc_error answer on its own (the same in every layer), e.g. for requests that named no valid method. */
export function validateRpcError(value: unknown): Validation {
  rpcError ??= definitionValidator(1, "rpc_error");
  return run(rpcError, value);
}
