// `tl-conformance`: one entry point, one module per sub-command. Exit codes are a contract
// vendors' CI scripts rely on: 0 passed, 1 the target (or the checked file) failed, 2 the call
// itself was wrong (usage, missing file, unreadable input).
import { Command, CommanderError } from "commander";
import { registerCheckFeaturesCommand } from "./check_features_command.ts";
import { EXIT_USAGE, UsageError } from "./exit_codes.ts";
import { registerExploreCommand } from "./explore_command.ts";
import { registerFormatFeaturesCommand } from "./format_features_command.ts";
import { registerRunCommand } from "./run_command.ts";
import { registerSchemaCommand } from "./schema_command.ts";
import { registerServerCommand } from "./server_command.ts";
import { registerStepsCommand } from "./steps_command.ts";
import { registerTlCheckCommand } from "./tl_check_command.ts";

// `tl-conformance steps | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command("tl-conformance")
  .description("Conformance harness for the Telegram API contact-link rules of layer 3")
  .exitOverride();

registerRunCommand(program);
registerServerCommand(program);
registerSchemaCommand(program);
registerTlCheckCommand(program);
registerStepsCommand(program);
registerCheckFeaturesCommand(program);
registerFormatFeaturesCommand(program);
registerExploreCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; their exit code is already right.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (error instanceof UsageError) {
    process.stderr.write(`tl-conformance: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tl-conformance: ${message}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
