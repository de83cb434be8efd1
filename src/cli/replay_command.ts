// `tl-conformance replay REPORT --exchange N`: one recorded exchange sent again and its answer
// printed (replay_action.ts, loaded only when the command runs).
import type { Command } from "commander";
import type { ReplayOptions } from "./replay_action.ts";

export function registerReplayCommand(program: Command): void {
  program
    .command("replay")
    .description("send one exchange of a report.json again, on its wire, and print the answer")
    .argument("<report>", "a report.json")
    .requiredOption("--exchange <n>", "the exchange's number in its scenario's transcript")
    .option("--scenario <location>", "features/x.feature:LINE (default: the first that did not pass)")
    .option("--target <url>", "where to send it (default: the report's target)")
    .option("--rsa-key <file>", "the target's RSA public key (PEM), for an MTProto exchange")
    .option("--transport <name>", "abridged, intermediate, padded or full (default: the report's)")
    .option("--timeout-ms <n>", "timeout of the request", "10000")
    .action(async (path: string, options: ReplayOptions) => {
      // Loaded here: the other commands need none of the replay's machinery.
      const { replay } = await import("./replay_action.ts");
      process.exitCode = await replay(path, options);
    });
}
