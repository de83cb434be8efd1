// Writes what docs/requirements.yaml is the source of: the typed registry, the schema of the file
// and docs/semantics.md's table. It stops, with file:line:column, when the file has a problem.
// Run before the other generators: they read the registry.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRequirements } from "../src/requirements/load.ts";
import { REGISTRY_FILE, renderRegistry } from "../src/requirements/render_registry.ts";
import { renderSemantics, SEMANTICS_FILE } from "../src/requirements/render_semantics.ts";
import { REQUIREMENTS_FILE, requirementsSchema, SCHEMA_FILE } from "../src/requirements/schema.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const loaded = loadRequirements(readFileSync(join(root, REQUIREMENTS_FILE), "utf8"));
if (loaded.problems.length > 0) {
  for (const p of loaded.problems)
    process.stderr.write(`${REQUIREMENTS_FILE}:${p.line}:${p.column}: ${p.message}\n`);
  process.exit(1);
}
writeFileSync(join(root, REGISTRY_FILE), renderRegistry(loaded.requirements));
writeFileSync(join(root, SCHEMA_FILE), `${JSON.stringify(requirementsSchema(), null, 2)}\n`);
const semantics = join(root, SEMANTICS_FILE);
writeFileSync(semantics, renderSemantics(readFileSync(semantics, "utf8"), loaded.requirements));
// Biome lays the TypeScript and JSON out as `npm run lint` wants them.
const biome = spawnSync(
  join(root, "node_modules/.bin/biome"),
  ["format", "--write", REGISTRY_FILE, SCHEMA_FILE],
  {
    cwd: root,
    encoding: "utf8",
  },
);
if (biome.status !== 0) {
  process.stderr.write(biome.stderr);
  process.exit(1);
}
for (const file of [REGISTRY_FILE, SCHEMA_FILE, SEMANTICS_FILE]) process.stdout.write(`wrote ${file}\n`);
