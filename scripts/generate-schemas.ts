// Writes schema/json/layerN.json from schema/layerN.tl, and src/tl/generated/validators.cjs, the
// validators of those documents compiled ahead of time. Run after editing a .tl file; the test
// suite fails while the checked-in files differ from what this would write.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { validatorModulePath } from "../src/tl/precompiled.ts";
import { publishedSchemaPath, publishedSchemaText } from "../src/tl/published_schemas.ts";
import { LAYERS } from "../src/tl/types.ts";
import { validatorModuleText } from "../src/tl/validator_module.ts";

const files: [string, () => string][] = [
  ...LAYERS.map((layer): [string, () => string] => [
    publishedSchemaPath(layer),
    () => publishedSchemaText(layer),
  ]),
  [validatorModulePath(), validatorModuleText],
];
for (const [path, text] of files) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text());
  process.stdout.write(`wrote ${path}\n`);
}
