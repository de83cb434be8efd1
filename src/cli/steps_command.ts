// `tl-conformance steps`: the step catalogue a spec-writer writes features with.
import type { Command } from "commander";

export function registerStepsCommand(program: Command): void {
  program
    .command("steps")
    .description(
      "list every step a feature may use: parameters and their values, what it does, an example, where",
    )
    .action(async () => {
      // Loaded here: the catalogue loads the suite's support code, which no other command needs.
      const [{ stepCatalogue }, { renderStepsText }] = await Promise.all([
        import("./step_catalogue.ts"),
        import("./steps_doc.ts"),
      ]);
      process.stdout.write(renderStepsText(await stepCatalogue()));
    });
}
