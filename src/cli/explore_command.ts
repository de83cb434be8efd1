// `tl-conformance explore`: model-based exploration against a target (explore_action.ts, loaded
// only when the command runs).
import type { Command } from "commander";
import { DEFAULTS, type ExploreCommandOptions } from "../explore/defaults.ts";

export function registerExploreCommand(program: Command): void {
  program
    .command("explore")
    .description(
      "random histories against a target, every view compared with the link model after every command",
    )
    .option("--target <url>", "the server under test (default: the embedded reference server)")
    .option("--users <n>", "users per run, 3 to 5 (default: drawn per run)")
    .option("--steps <n>", "commands per run, at most", DEFAULTS.steps)
    .option("--seed <n>", "seed of the first round (default: random; printed)")
    .option("--runs <n>", "runs at most", DEFAULTS.runs)
    .option("--budget-s <s>", "seconds the exploration may take, shrinking included", DEFAULTS.budgetS)
    .option("--path <p>", "replay the one history a finding printed (needs its --seed)")
    .option("--timeout-ms <n>", "timeout of each request (at most the budget)", DEFAULTS.timeoutMs)
    .option("--reports <dir>", "where explore.json and explore.html go", "reports")
    .option("--strict", "SHOULD findings fail the run too (exit 1)")
    .action(async (options: ExploreCommandOptions) => {
      // Loaded here: the other commands need none of the explorer, the server or the client.
      const { runExplore } = await import("./explore_action.ts");
      process.exitCode = await runExplore(options);
    });
}
