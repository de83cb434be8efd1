// Writes docs/steps.md (see src/cli/steps_doc.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, stepCatalogue } from "../src/cli/step_catalogue.ts";
import { renderStepsMarkdown, STEPS_DOC } from "../src/cli/steps_doc.ts";

const path = join(projectRoot, STEPS_DOC);
writeFileSync(path, renderStepsMarkdown(await stepCatalogue()));
process.stdout.write(`wrote ${path}\n`);
