// `tl-conformance check-features`: exit 0 when the features are sound, 1 with one line per problem.
import type { Command } from "commander";
import { EXIT_FAILED } from "./exit_codes.ts";
import { checkFeatures } from "./feature_check.ts";
import { projectRoot, stepCatalogue } from "./step_catalogue.ts";

export function registerCheckFeaturesCommand(program: Command): void {
  program
    .command("check-features")
    .description("check that every step is defined and unambiguous and every requirement is covered")
    .action(async () => {
      const problems = await checkFeatures(projectRoot, await stepCatalogue());
      for (const problem of problems) process.stdout.write(`${problem}\n`);
      process.stdout.write(
        problems.length === 0
          ? "features: all steps defined, all requirements covered\n"
          : `features: ${problems.length} problems\n`,
      );
      if (problems.length > 0) process.exitCode = EXIT_FAILED;
    });
}
