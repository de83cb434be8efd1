// Waits, bounded, until GET {target}/health answers 200: a vendor's server may still be starting.
import { TargetError } from "./errors.ts";
import { exchange } from "./http_exchange.ts";

export async function waitForHealth(
  target: string,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const answer = await exchange(`${target.replace(/\/+$/, "")}/health`, "GET", {}, undefined, {
        timeoutMs: Math.max(100, Math.min(2_000, deadline - Date.now())),
        maxBodyBytes: 64 * 1024,
      });
      if (answer.status === 200) return;
      last = `HTTP ${answer.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
  throw new TargetError(
    "TARGET_UNREACHABLE",
    `target unreachable at ${target}: GET /health gave no 200 within ${(options.timeoutMs / 1000).toFixed(1)} s (last: ${last})`,
  );
}
