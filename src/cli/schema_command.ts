// `tl-conformance schema --layer N [--type T | --method M [--result]]`: prints a JSON Schema
// derived from the layer's TL file, standalone (with every definition it needs).
import type { Command } from "commander";
import { hasDefinition, standaloneSchema } from "../tl/extract_schema.ts";
import { layerDocument } from "../tl/schema_registry.ts";
import { defKey } from "../tl/type_expr.ts";
import { UsageError } from "./exit_codes.ts";
import { parseLayerOption } from "./parse_layer_option.ts";

interface SchemaOptions {
  layer: string;
  type?: string;
  method?: string;
  result?: boolean;
}

function definitionKey(options: SchemaOptions): string | undefined {
  if (options.type !== undefined && options.method !== undefined) {
    throw new UsageError("give --type or --method, not both");
  }
  if (options.result && options.method === undefined) throw new UsageError("--result goes with --method");
  if (options.method !== undefined) {
    return options.result ? defKey.result(options.method) : defKey.method(options.method);
  }
  if (options.type === undefined) return undefined;
  return /^[A-Z]|\.[A-Z]/.test(options.type) ? defKey.type(options.type) : defKey.constructor(options.type);
}

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of a layer, a type, a constructor or a method")
    .requiredOption("--layer <n>", "API layer: 1, 2 or 3")
    .option("--type <name>", "a boxed type (User, messages.SentMessage) or a constructor (userContact)")
    .option("--method <name>", "a method (messages.sendMessage): its params schema")
    .option("--result", "with --method: the schema of its result instead of its params")
    .action((options: SchemaOptions) => {
      const layer = parseLayerOption(options.layer);
      const key = definitionKey(options);
      if (key !== undefined && !hasDefinition(layer, key)) {
        const what = options.method ?? options.type;
        throw new UsageError(
          `layer ${layer} has no ${options.method ? "method" : "type or constructor"} "${what}"`,
        );
      }
      const schema = key === undefined ? layerDocument(layer) : standaloneSchema(layer, key);
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
