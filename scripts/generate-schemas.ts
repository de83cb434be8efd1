// Writes schema/json/layerN.json from schema/layerN.tl. Run after editing a .tl file; the test
// suite fails while the checked-in files differ from what this would write.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { publishedSchemaPath, publishedSchemaText } from "../src/tl/published_schemas.ts";
import { LAYERS } from "../src/tl/types.ts";

for (const layer of LAYERS) {
  const path = publishedSchemaPath(layer);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, publishedSchemaText(layer));
  process.stdout.write(`wrote ${path}\n`);
}
