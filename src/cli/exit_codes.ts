// Exit codes shared by every sub-command (see main.ts for their meaning).
export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in the call (bad option, missing file): printed as one line, exit 2, no stack. */
export class UsageError extends Error {
  override name = "UsageError";
}
