// `tl-conformance init [--target URL] [--output FILE] [--force]`: writes a commented starter
// profile. On a terminal it asks for the target when none is given; without one (a CI job, a
// pipe) it never prompts and takes the flags and defaults as they are.
import { existsSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { targetProblem } from "../profile/checks.ts";
import { UsageError } from "./exit_codes.ts";
import { starterProfile } from "./starter_profile.ts";

interface InitOptions {
  target?: string;
  output: string;
  force?: boolean;
}

const DEFAULT_TARGET = "http://127.0.0.1:8080";

async function askTarget(): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`Base URL of the server under test [${DEFAULT_TARGET}]: `);
    return answer.trim() || DEFAULT_TARGET;
  } finally {
    prompt.close();
  }
}

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("write a commented starter target profile")
    .option("--target <url>", "the server under test (asked for on a terminal when not given)")
    .option("--output <file>", "where to write it", "tl-conformance.yaml")
    .option("--force", "replace the file if it exists")
    .action(async (options: InitOptions) => {
      if (existsSync(options.output) && !options.force)
        throw new UsageError(`${options.output} exists; --force replaces it`);
      const interactive = options.target === undefined && process.stdin.isTTY === true;
      const target = options.target ?? (interactive ? await askTarget() : DEFAULT_TARGET);
      const problem = targetProblem(target);
      if (problem) throw new UsageError(`--target ${problem}`);
      writeFileSync(options.output, starterProfile(target));
      // What was written must load: the starter is checked against the schema like any profile.
      const { loadProfile } = await import("../profile/load_profile.ts");
      loadProfile(options.output, process.env);
      process.stdout.write(`wrote ${options.output}; run: tl-conformance run --profile ${options.output}\n`);
    });
}
