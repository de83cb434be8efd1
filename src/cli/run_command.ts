// `tl-conformance run`: its flags, one per setting of src/profile/settings.ts (so the flags, the
// environment variables, the profile fields and docs/profile.md cannot disagree), plus the
// scenario filters, the profile itself and --serial.
import type { Command } from "commander";
import type { FlagValues } from "../profile/index.ts";
import { SETTINGS } from "../profile/settings.ts";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function registerRunCommand(program: Command): void {
  const command = program
    .command("run")
    .description("run the conformance suite against a target and write reports")
    .option("--profile <file>", "a target profile, YAML or JSON (docs/profile.md); also $CONFORMANCE_PROFILE")
    .option("--tags <expression>", "only scenarios matching a tag expression, e.g. '@REQ-S1-REVEAL or @must'")
    .option("--name <regexp>", "only scenarios whose name matches")
    .option("--serial", "run every scenario in this process (the same as --parallel 0)");
  for (const s of SETTINGS) {
    const env = s.env ? `; also $${s.env}` : "";
    const flag = s.placeholder ? `${s.flag} ${s.placeholder}` : s.flag;
    if (s.repeatable) command.option(flag, `${s.describe}${env}`, collect);
    else command.option(flag, `${s.describe}${env}`);
  }
  command.action(async (options: FlagValues) => {
    // Loaded here: the other commands need none of the run's machinery.
    const { runConformance } = await import("./run_conformance.ts");
    const argv = ["tl-conformance", ...process.argv.slice(2)];
    process.exitCode = await runConformance(options, argv.join(" "));
    exitIfStillRunning(process.exitCode);
  });
}

/** How long a finished run may take to let go of its sockets and timers before it is ended. */
const LINGER_MS = 2000;

/**
 * The report is written and the exit code known: the run is over. A socket or timer left behind
 * by a target that faulted must not keep a vendor's CI job waiting (a harness bug, said on
 * stderr so it is seen), so past LINGER_MS the process ends with the run's exit code. The timer
 * is unref'd: a run that lets go of everything ends at once, as before.
 */
function exitIfStillRunning(code: number): void {
  setTimeout(() => {
    process.stderr.write(
      `tl-conformance: connections or timers were still open ${LINGER_MS} ms after the report was written; ending the run (exit ${code})\n`,
    );
    process.exit(code);
  }, LINGER_MS).unref();
}
