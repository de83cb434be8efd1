// Writes docs/mutants.md (see test/mutants/matrix_doc.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/cli/step_catalogue.ts";
import { renderMutantMatrix } from "../test/mutants/matrix_doc.ts";

const path = join(projectRoot, "docs/mutants.md");
writeFileSync(path, renderMutantMatrix());
process.stdout.write(`wrote ${path}\n`);
