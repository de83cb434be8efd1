// Turns a check's answer into the error a user sees: the file, the field, the problem.
import { ProfileError } from "./types.ts";

export function checkedOrThrow(file: string, field: string, problem: string | undefined): void {
  if (problem !== undefined) throw new ProfileError(`${file}: ${field}: ${problem}`);
}
