// Waits, bounded, until GET {target}/health answers 200: a vendor's server may still be starting.
// A TLS failure ends the wait at once: a certificate does not become trusted by waiting.
import { TargetError } from "./errors.ts";
import { exchange } from "./http_exchange.ts";
import type { TlsOptions } from "./options.ts";
import { redactUrlCredentials, withoutCredentials } from "./redact.ts";

export interface HealthOptions {
  timeoutMs: number;
  intervalMs?: number;
  headers?: Record<string, string>;
  tls?: TlsOptions;
}

export async function waitForHealth(target: string, options: HealthOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const url = `${withoutCredentials(target).replace(/\/+$/, "")}/health`;
  let last = "no answer";
  do {
    try {
      const answer = await exchange(url, "GET", options.headers ?? {}, undefined, {
        timeoutMs: Math.max(100, Math.min(2_000, deadline - Date.now())),
        maxBodyBytes: 64 * 1024,
        ...(options.tls ? { tls: options.tls } : {}),
      });
      if (answer.status === 200) return;
      last = `HTTP ${answer.status}`;
    } catch (error) {
      if (error instanceof TargetError && error.code === "TARGET_TLS") throw error;
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  } while (Date.now() < deadline);
  throw new TargetError(
    "TARGET_UNREACHABLE",
    `target unreachable at ${redactUrlCredentials(target)}: GET /health gave no 200 within ${(options.timeoutMs / 1000).toFixed(1)} s (last: ${last})`,
  );
}
