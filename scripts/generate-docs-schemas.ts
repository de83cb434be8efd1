// Writes the JSON Schemas the project ships for its own files: docs/profile.schema.json (target
// profiles) and docs/report.schema.json (report.json). Tests fail while either is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PROFILE_SCHEMA } from "../src/profile/index.ts";
import { REPORT_SCHEMA } from "../src/report/index.ts";

for (const [file, schema] of [
  ["docs/profile.schema.json", PROFILE_SCHEMA],
  ["docs/report.schema.json", REPORT_SCHEMA],
] as const) {
  writeFileSync(
    fileURLToPath(new URL(`../${file}`, import.meta.url)),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
  process.stdout.write(`wrote ${file}\n`);
}
