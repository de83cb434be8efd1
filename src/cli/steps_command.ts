// `tl-conformance steps`: the step catalogue a spec-writer writes features with.
import type { Command } from "commander";
import { stepCatalogue } from "./step_catalogue.ts";

export function registerStepsCommand(program: Command): void {
  program
    .command("steps")
    .description("list every step a feature may use, with where it is defined")
    .action(async () => {
      for (const step of await stepCatalogue())
        process.stdout.write(`${step.keyword.padEnd(5)} ${step.pattern}\n      ${step.uri}:${step.line}\n`);
    });
}
