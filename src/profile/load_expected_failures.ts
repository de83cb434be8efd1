// Expected failures from a file (or a profile's inline list): checked against the schema, every
// requirement id known, so a typo cannot hide a failure.
import { checkedOrThrow } from "./checked.ts";
import { requirementProblem } from "./checks.ts";
import { readDocument } from "./read_document.ts";
import { substituteEnv } from "./substitute_env.ts";
import type { ExpectedFailure } from "./types.ts";
import { validateDocument } from "./validate_document.ts";

export function checkExpectedFailures(
  entries: readonly ExpectedFailure[],
  file: string,
  field: string,
): void {
  for (const [i, entry] of entries.entries())
    checkedOrThrow(file, `${field}/${i}/requirement`, requirementProblem(entry.requirement));
}

export function loadExpectedFailures(file: string, env: NodeJS.ProcessEnv): ExpectedFailure[] {
  const value = substituteEnv(readDocument(file), env, file);
  const entries = validateDocument<ExpectedFailure[]>("expectedFailures", value, file);
  checkExpectedFailures(entries, file, "");
  return entries;
}
