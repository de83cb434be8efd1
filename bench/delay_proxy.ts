// A delay proxy on loopback: what a target at a given round-trip time looks like to the suite.
// A request waits RTT/2 once wholly received before it goes on to the target, its answer RTT/2
// once wholly received before it goes back. Connections are kept alive on both sides, as a
// client's warm connections to a remote server are, so connection set-up is not counted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

// Headers of one hop (RFC 9110 §7.6.1), never forwarded; the length is set from the whole body.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "content-length",
]);

export interface ProxyCounts {
  /** POST /rpc requests forwarded. */
  rpc: number;
  /** Other requests (the CLI's health checks). */
  other: number;
  /**
   * Periods with at least one request in flight. With one scenario at a time this is the number
   * of sequential round trips of the run: calls sent together overlap and count once.
   */
  waves: number;
  maxInFlight: number;
}

/** One POST /rpc request: its bearer key, its method, and when it arrived and was answered. */
export interface LoggedRequest {
  key: string | undefined;
  /** `_` of the call, inside a layer wrapper if there is one; undefined for a body that is not one. */
  method: string | undefined;
  /** An auth.sendCode answered phone_registered: true (a sign-up that must try another number). */
  numberTaken: boolean;
  start: number;
  end: number;
}

export interface DelayProxy {
  url: string;
  counts(): ProxyCounts;
  /** Every POST /rpc request in the order they arrived. */
  log(): readonly LoggedRequest[];
  close(): Promise<void>;
}

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

function methodOf(body: Buffer): string | undefined {
  try {
    const call = JSON.parse(body.toString("utf8")) as { _?: unknown; query?: { _?: unknown } };
    const name = typeof call.query?._ === "string" ? call.query._ : call._;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

function numberTaken(answer: Buffer): boolean {
  try {
    return (JSON.parse(answer.toString("utf8")) as { phone_registered?: unknown }).phone_registered === true;
  } catch {
    return false;
  }
}

async function wholeBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDelayProxy(target: string, rttMs: number): Promise<DelayProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const counts: ProxyCounts = { rpc: 0, other: 0, waves: 0, maxInFlight: 0 };
  const log: LoggedRequest[] = [];
  let inFlight = 0;

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const out = http.request(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...endToEnd(req.headers), host: upstream.host, "content-length": body.length },
        },
        (answer) => {
          wholeBody(answer).then(
            (data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }),
            reject,
          );
        },
      );
      out.once("error", reject);
      out.end(body);
    });

  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    inFlight += 1;
    if (inFlight === 1) counts.waves += 1;
    counts.maxInFlight = Math.max(counts.maxInFlight, inFlight);
    const logged = req.method === "POST" && req.url === "/rpc";
    const entry: LoggedRequest = {
      key: /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1],
      method: undefined,
      numberTaken: false,
      start: performance.now(),
      end: Number.NaN,
    };
    if (logged) {
      counts.rpc += 1;
      log.push(entry);
    } else {
      counts.other += 1;
    }
    // "close" comes once, whether the answer went out or the connection broke first.
    res.once("close", () => {
      inFlight -= 1;
      entry.end = performance.now();
    });
    (async () => {
      const body = await wholeBody(req);
      if (logged) entry.method = methodOf(body);
      await sleep(rttMs / 2);
      const answer = await forward(req, body);
      if (entry.method === "auth.sendCode") entry.numberTaken = numberTaken(answer.body);
      await sleep(rttMs / 2);
      res.writeHead(answer.status, { ...endToEnd(answer.headers), "content-length": answer.body.length });
      res.end(answer.body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`delay proxy: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    log: () => log,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
