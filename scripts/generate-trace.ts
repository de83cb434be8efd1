// Writes docs/requirements.md (see src/cli/requirement_trace.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderTrace } from "../src/cli/requirement_trace.ts";
import { projectRoot } from "../src/cli/step_catalogue.ts";

const path = join(projectRoot, "docs/requirements.md");
writeFileSync(path, await renderTrace(projectRoot));
process.stdout.write(`wrote ${path}\n`);
