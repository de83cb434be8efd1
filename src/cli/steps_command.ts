// `tl-conformance steps`: the step catalogue a spec-writer writes features with.
import type { Command } from "commander";
import { stepCatalogue } from "./step_catalogue.ts";
import { renderStepsText } from "./steps_doc.ts";

export function registerStepsCommand(program: Command): void {
  program
    .command("steps")
    .description(
      "list every step a feature may use: parameters and their values, what it does, an example, where",
    )
    .action(async () => {
      process.stdout.write(renderStepsText(await stepCatalogue()));
    });
}
