// The `tl-conformance` command line: every sub-command registered on one commander program, so
// main.ts can run it and a test can check that README.md lists every command and flag.
import { Command } from "commander";
import { registerCheckFeaturesCommand } from "./check_features_command.ts";
import { registerExploreCommand } from "./explore_command.ts";
import { registerFormatFeaturesCommand } from "./format_features_command.ts";
import { registerInitCommand } from "./init_command.ts";
import { packageVersion } from "./package_root.ts";
import { registerReplayCommand } from "./replay_command.ts";
import { registerRunCommand } from "./run_command.ts";
import { registerSchemaCommand } from "./schema_command.ts";
import { registerServerCommand } from "./server_command.ts";
import { registerStepsCommand } from "./steps_command.ts";
import { registerTlCheckCommand } from "./tl_check_command.ts";

export function buildProgram(): Command {
  const program = new Command("tl-conformance")
    .description("Conformance harness for the Telegram API contact-link rules of layer 3")
    .version(packageVersion(), "-V, --version", "print the suite version")
    .exitOverride();
  registerRunCommand(program);
  registerInitCommand(program);
  registerServerCommand(program);
  registerSchemaCommand(program);
  registerTlCheckCommand(program);
  registerStepsCommand(program);
  registerCheckFeaturesCommand(program);
  registerFormatFeaturesCommand(program);
  registerExploreCommand(program);
  registerReplayCommand(program);
  return program;
}
