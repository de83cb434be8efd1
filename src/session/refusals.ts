// ERRORS: a request the target must refuse, sent so that a later check judges its answer, and the
// proof that it changed nothing any user of the scenario can see. The steps and the explorer
// share these, so a refused call reads the same in a feature and in an explored history.
import type { CallOutcome } from "../bindings/index.ts";
import type { Layer } from "../tl/index.ts";
import { check, RequirementFailure } from "./failure.ts";
import { rememberAnswer } from "./generic_call.ts";
import { snapshotState } from "./reads.ts";
import type { ConformanceSession } from "./session.ts";

/**
 * Sends a request whose answer a later check judges and keeps that answer as the last one. An
 * answer that is no rpc_error at all (an HTML page, a reset) is the target's failure to follow
 * the binding's error table, so it fails as ERRORS here.
 */
export async function sendJudgedLater(
  session: ConformanceSession,
  caller: string | undefined,
  method: string,
  layer: Layer,
  send: () => Promise<CallOutcome>,
): Promise<CallOutcome> {
  try {
    const outcome = await send();
    rememberAnswer(session, { caller, method, layer, outcome });
    return outcome;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "TargetError") throw error;
    throw new RequirementFailure("ERRORS", {
      subject: `the answer to a bad ${method} request`,
      expected:
        session.binding.wire === "mtproto"
          ? "an rpc_error in rpc_result, on a connection that survives"
          : "an rpc_error as TL-JSON, with the HTTP status equal to its error_code",
      actual: error.message,
    });
  }
}

/** The state of every user (snapshotState) is what it was before the rejected request. */
export async function expectStateUnchanged(session: ConformanceSession, before: string): Promise<void> {
  let after: string;
  try {
    after = await snapshotState(session);
  } catch (error) {
    // A check that fails while reading the state back (a phone shown, a view wrong) is what the
    // rejected request changed: the failure belongs to ERRORS.
    if (!(error instanceof RequirementFailure)) throw error;
    throw new RequirementFailure("ERRORS", {
      subject: "the state of every user after the rejected request",
      expected: "unchanged",
      actual: `changed: ${error.message.split("\n", 1)[0]}`,
    });
  }
  check(after === before, "ERRORS", {
    subject: "the state of every user after the rejected request",
    expected: `unchanged: ${before}`,
    actual: after,
  });
}
