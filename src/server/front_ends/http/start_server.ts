// The binding over node:http: POST /rpc, GET /health. node:http rather than a framework: no
// dependency, and exact control over the body limit and over what a malformed request gets.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AccessHashes } from "./access_hash.ts";
import type { World } from "./context.ts";
import { dispatch } from "./dispatch.ts";
import { withHooks } from "./hooks.ts";
import { type ResolvedOptions, resolveOptions, type ServerOptions } from "./options.ts";
import { RpcError } from "./rpc_error.ts";
import { Store } from "./store.ts";

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(text);
}

/** Reads the body up to the limit; undefined when it is larger (the caller answers 413). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function handleRpc(
  world: World,
  options: ResolvedOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const raw = await readBody(req, options.bodyLimitBytes);
  if (raw === undefined) {
    send(res, 413, new RpcError(413, "INPUT_REQUEST_INVALID").toTl(), true);
    res.on("finish", () => req.socket.destroy());
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    send(res, 400, new RpcError(400, "INPUT_REQUEST_INVALID").toTl());
    return;
  }
  const outcome = dispatch(world, body, req.headers.authorization, options.debugValidateResponses);
  send(res, outcome.status, outcome.body);
  if (outcome.internal) process.stderr.write(`reference server: ${outcome.method}: ${outcome.internal}\n`);
  options.onRequest?.(
    `${outcome.method} L${outcome.layer} → ${outcome.status} ${(performance.now() - started).toFixed(1)} ms`,
  );
}

function route(world: World, options: ResolvedOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (req.method === "GET" && path === "/health") return send(res, 200, { status: "ok" });
    if (req.method === "POST" && path === "/rpc") {
      handleRpc(world, options, req, res).catch(() => {
        if (!res.headersSent) send(res, 500, new RpcError(500, "INTERNAL").toTl(), true);
      });
      return;
    }
    req.resume();
    send(res, 404, new RpcError(404, "NOT_FOUND").toTl());
  };
}

export async function startServer(input?: ServerOptions): Promise<RunningServer> {
  const options = resolveOptions(input);
  const world: World = {
    store: new Store(options.firstUserId),
    hashes: new AccessHashes(options.accessHashScope),
    hooks: withHooks(options.hooks),
    phones: options.phones,
  };
  const server: Server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    route(world, options),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
