// A front in front of a reference server, for the run command's tests: it can answer late, break
// answers, insist on a gateway header, or speak HTTPS with a certificate made for the test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { text as readText } from "node:stream/consumers";
import { startServer } from "../../src/server/index.ts";
import { closeForwarding, forwardRpc } from "../forward.ts";
import { listenOnLoopback } from "../loopback.ts";

export interface FrontOptions {
  /** Each /rpc answer waits this long. */
  delayMs?: number;
  /** Rewrites each JSON answer of /rpc. */
  edit?: (body: unknown) => unknown;
  /** /rpc and /health answer an HTML 401 unless this header has this value. */
  requireHeader?: { name: string; value: string };
  tls?: { key: string; cert: string };
}

export async function startFront(options: FrontOptions): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = await startServer();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.on("error", () => {});
    const wanted = options.requireHeader;
    if (wanted && req.headers[wanted.name.toLowerCase()] !== wanted.value)
      return void res.writeHead(401, { "content-type": "text/html" }).end("<h1>gateway: no key</h1>");
    if (req.url === "/health")
      return void res.writeHead(200, { "content-type": "application/json" }).end("{}");
    const body = await readText(req);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const answer = await forwardRpc(upstream.url, headers, body);
    let answered = answer.body;
    if (options.edit) answered = JSON.stringify(options.edit(JSON.parse(answered)));
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (!res.destroyed) res.writeHead(answer.status, { "content-type": "application/json" }).end(answered);
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => res.writeHead(502).end());
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  const front = await listenOnLoopback(server as Server);
  return {
    url: options.tls ? front.url.replace("http:", "https:") : front.url,
    close: async () => {
      await front.close();
      await closeForwarding();
      await upstream.close();
    },
  };
}

/** Every userRequest becomes a userForeign without its phone: a server that never reveals a number. */
export function neverReveals(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(neverReveals);
  if (typeof body !== "object" || body === null) return body;
  const object = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, neverReveals(v)]));
  if (object._ !== "userRequest") return object;
  const { phone: _phone, ...rest } = object;
  return { ...rest, _: "userForeign" };
}
