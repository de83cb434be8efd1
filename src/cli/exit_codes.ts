// Exit codes shared by every sub-command. `run` uses all four (src/report/ci_outcome.ts):
// 0 certified (or only listed failures), 1 not certified, 2 usage or harness error, 3 ERROR or
// INCOMPLETE. The other commands use 0 passed, 1 the checked file failed, 2 a wrong call.
export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_JUDGED = 3;

/** A mistake in the call (bad option, missing file): printed as one line, exit 2, no stack. */
export class UsageError extends Error {
  override name = "UsageError";
}
