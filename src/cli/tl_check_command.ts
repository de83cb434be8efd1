// `tl-conformance tl check FILE...`: parses TL files and checks every written constructor id
// against the CRC of its text. Exit 1 on a mismatch no named exception excuses; exit 2 when a
// file is missing or is not TL.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { checkIds } from "../tl/check_ids.ts";
import { formatId } from "../tl/compute_id.ts";
import { parseTl, TlParseError } from "../tl/index.ts";
import { EXIT_FAILED, UsageError } from "./exit_codes.ts";

function readTl(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new UsageError(`${file}: ${reason}`);
  }
}

/** Checks one file and prints its lines; returns the number of unexcused mismatches. */
export function checkTlFile(file: string, write: (line: string) => void): number {
  let schema: ReturnType<typeof parseTl>;
  try {
    schema = parseTl(readTl(file), file);
  } catch (error) {
    if (error instanceof TlParseError) throw new UsageError(error.message);
    throw error;
  }
  const check = checkIds(schema);
  for (const m of check.mismatches) {
    const { source, name, computedId } = m.combinator;
    write(
      `${source.file}:${source.line}: ${name}: explicit ${formatId(m.explicitId)} != computed ${formatId(computedId)}`,
    );
  }
  for (const m of check.excused) {
    write(
      `${m.combinator.source.file}:${m.combinator.source.line}: known exception ${name(m)}: ${m.exception?.reason}`,
    );
  }
  write(
    `${file}: ${check.declarations} declarations, ${check.checked} ids checked, ` +
      `${check.mismatches.length} mismatches, ${check.excused.length} known exceptions`,
  );
  return check.mismatches.length;
}

function name(m: { combinator: { name: string }; explicitId: number }): string {
  return `${m.combinator.name}${formatId(m.explicitId)}`;
}

export function registerTlCheckCommand(program: Command): void {
  program
    .command("tl")
    .description("TL file tools")
    .command("check")
    .description("parse TL files and check every constructor id against the CRC of its text")
    .argument("<files...>", "TL files")
    .action((files: string[]) => {
      const write = (line: string) => process.stdout.write(`${line}\n`);
      const mismatches = files.reduce((sum, file) => sum + checkTlFile(file, write), 0);
      if (mismatches > 0) process.exitCode = EXIT_FAILED;
    });
}
