// `tl-conformance check-features [files...]`: exit 0 when the features (all of features/, or the
// files given) and docs/requirements.yaml are sound, 1 with one `file:line:column: message` line
// per problem. Only a check of all of features/ also requires every requirement to be covered.
import type { Command } from "commander";
import { EXIT_FAILED } from "./exit_codes.ts";

export function registerCheckFeaturesCommand(program: Command): void {
  program
    .command("check-features")
    .argument("[files...]", "feature files to check (default: all of features/)")
    .description(
      "check the features and docs/requirements.yaml: steps defined once, tags, levels, coverage, layout",
    )
    .action(async (files: string[]) => {
      // Loaded here: the Gherkin parser, the support code and the requirements, for this command only.
      const [{ REQUIREMENTS }, { checkFeatures }, { formatProblem }, { projectRoot, stepCatalogue }] =
        await Promise.all([
          import("../requirements/index.ts"),
          import("./feature_check.ts"),
          import("./problem.ts"),
          import("./step_catalogue.ts"),
        ]);
      const problems = await checkFeatures({
        root: projectRoot,
        catalogue: await stepCatalogue(),
        registry: REQUIREMENTS,
        ...(files.length > 0 ? { files } : {}),
      });
      for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
      const scope = files.length > 0 ? "all steps defined" : "all steps defined, all requirements covered";
      process.stdout.write(
        problems.length === 0 ? `features: ${scope}\n` : `features: ${problems.length} problems\n`,
      );
      if (problems.length > 0) process.exitCode = EXIT_FAILED;
    });
}
