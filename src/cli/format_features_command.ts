// `tl-conformance format-features [--check]`: lays out every feature file as cucumber's
// pretty-printer does; with --check, lists the files that differ and exits 1 instead.
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Command } from "commander";
import { EXIT_FAILED } from "./exit_codes.ts";

export function registerFormatFeaturesCommand(program: Command): void {
  program
    .command("format-features")
    .description("lay out the feature files as cucumber's pretty-printer does")
    .option("--check", "change nothing; list the files that differ and exit 1")
    .action(async (options: { check?: boolean }) => {
      // Loaded here: the Gherkin parser and the suite's files, which no other command needs.
      const [{ formatFeature }, { featureFiles }, { projectRoot }] = await Promise.all([
        import("./format_feature.ts"),
        import("./read_features.ts"),
        import("./step_catalogue.ts"),
      ]);
      const differing: string[] = [];
      for (const file of await featureFiles(join(projectRoot, "features"))) {
        const uri = relative(projectRoot, file);
        const text = await readFile(file, "utf8");
        const formatted = formatFeature(text, uri);
        if (formatted === undefined || formatted === text) continue;
        differing.push(uri);
        if (!options.check) await writeFile(file, formatted);
      }
      const verb = options.check ? "not formatted" : "formatted";
      for (const uri of differing) process.stdout.write(`${uri}: ${verb}\n`);
      process.stdout.write(`features: ${differing.length} files ${verb}\n`);
      if (options.check && differing.length > 0) process.exitCode = EXIT_FAILED;
    });
}
