// The test proxies' way to the reference server behind them (test/mutants/proxy.ts,
// test/hostile/front.ts): the harness client's own exchange, on its keep-alive dispatcher, which
// costs a third of what undici's request() did per call (bench/client.ts), so a proxied suite run
// costs little more than a direct one.
import { closeAgents, exchange } from "../src/client/index.ts";

const LIMITS = { timeoutMs: 30_000, maxBodyBytes: 256 * 1024 * 1024 };

export interface Forwarded {
  status: number;
  contentType: string;
  body: string;
}

/** One POST of `body` to the upstream's /rpc. */
export async function forwardRpc(
  upstream: string,
  headers: Record<string, string>,
  body: string,
): Promise<Forwarded> {
  const answer = await exchange(`${upstream}/rpc`, "POST", headers, body, LIMITS);
  return { status: answer.status, contentType: answer.headers["content-type"] ?? "", body: answer.bodyText };
}

/** Lets go of the forwarding connections (the client's agents), once a proxy closes. */
export const closeForwarding = closeAgents;
