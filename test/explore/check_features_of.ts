// `node --import tsx test/explore/check_features_of.ts ROOT`: check-features on the features of
// another project root, in a process of its own (step definitions load once per process, and
// the suite runner of the calling test needs them too). Prints one problem a line; exit 1 if any.
import { checkFeatures } from "../../src/cli/feature_check.ts";
import { formatProblem } from "../../src/cli/problem.ts";
import { stepCatalogue } from "../../src/cli/step_catalogue.ts";

const root = process.argv[2];
if (!root) {
  process.stderr.write("usage: check_features_of.ts ROOT\n");
  process.exit(2);
}
const problems = await checkFeatures({ root, catalogue: await stepCatalogue() });
for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
process.exitCode = problems.length === 0 ? 0 : 1;
