// The step timeout, following the request timeout. A step may make many requests, each bounded
// by the client's own deadline, so no fixed bound is right for every --timeout-ms; a step fails
// only when none of its requests started or ended for longer than one request may take plus a
// margin (a harness fault: the target's delays end at TARGET_TIMEOUT first). Then the step's
// requests are abandoned and the step fails with HARNESS_STEP_STALLED.
import { HarnessError } from "./errors.ts";
import type { RequestScope } from "./request_scope.ts";

/** Past the request timeout, what a step may spend on its own work between requests. */
export const STALL_MARGIN_MS = 5_000;

export function guardStep<T>(
  step: Promise<T>,
  scope: RequestScope,
  timeoutMs: number,
  marginMs = STALL_MARGIN_MS,
): Promise<T> {
  const limit = timeoutMs + marginMs;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout;
    const arm = () => {
      const idle = performance.now() - scope.lastActivity;
      if (idle < limit) {
        timer = setTimeout(arm, limit - idle + 1);
        return;
      }
      scope.close("the step stalled");
      reject(
        new HarnessError(
          "HARNESS_STEP_STALLED",
          `the step made no request and got no answer for ${limit} ms (request timeout ${timeoutMs} ms + ${marginMs} ms)`,
        ),
      );
    };
    timer = setTimeout(arm, limit);
    step.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
