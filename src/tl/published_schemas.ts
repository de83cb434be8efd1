// The generated JSON Schema files under schema/json/: what vendors can read without running the
// harness. They are written by scripts/generate-schemas.ts and a test fails when they are stale.
import { fileURLToPath } from "node:url";
import { layerDocument } from "./schema_registry.ts";
import type { Layer } from "./types.ts";

export function publishedSchemaPath(layer: Layer): string {
  return fileURLToPath(new URL(`../../schema/json/layer${layer}.json`, import.meta.url));
}

/** The exact text the file must hold: 2-space JSON with a trailing newline. */
export function publishedSchemaText(layer: Layer): string {
  return `${JSON.stringify(layerDocument(layer), null, 2)}\n`;
}
