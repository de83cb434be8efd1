// A mutant built as an HTTP proxy in front of a reference server: for breakage the hooks cannot
// express (the transport itself, or a request that changes state yet is answered as rejected).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeForwarding, forwardRpc } from "../forward.ts";
import { listenOnLoopback } from "../loopback.ts";

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Forward = (body: string, headers: Record<string, string>) => Promise<Exchange>;

/** Decides what the client gets for one request; `forward` sends a body to the real server. */
export type ProxyRule = (
  request: { body: string; headers: Record<string, string> },
  forward: Forward,
) => Promise<Exchange>;

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startProxy(
  upstream: string,
  rule: ProxyRule,
): Promise<{ url: string; close(): Promise<void> }> {
  // Not the global fetch: its WHATWG streams and headers made a proxied suite run take twice as
  // long as the same run without the proxy.
  const forward: Forward = async (body, headers) => {
    const answer = await forwardRpc(upstream, headers, body);
    return { status: answer.status, headers: { "content-type": answer.contentType }, body: answer.body };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    read(req)
      .then(async (body) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const out = await rule({ body, headers }, forward);
        res.writeHead(out.status, out.headers).end(out.body);
      })
      .catch(() => res.writeHead(502).end());
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    close: async () => {
      await listening.close();
      await closeForwarding();
    },
  };
}
