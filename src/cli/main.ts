// `tl-conformance`: one entry point, one module per sub-command. Exit codes are a contract
// vendors' CI scripts rely on (exit_codes.ts): 0 passed, 1 the target (or the checked file)
// failed, 2 the call itself was wrong or the harness failed, 3 (run) the run could not judge.
import { CommanderError } from "commander";
import { ProfileError } from "../profile/types.ts";
import { EXIT_USAGE, UsageError } from "./exit_codes.ts";
import { buildProgram } from "./program.ts";

// `tl-conformance steps | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; their exit code is already right.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (error instanceof UsageError || error instanceof ProfileError) {
    process.stderr.write(`tl-conformance: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tl-conformance: ${message}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
