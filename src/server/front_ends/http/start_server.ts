// The HTTP front end (docs/binding.md): POST /rpc, GET /health over node:http. node:http rather
// than a framework: no dependency, and exact control over the limits and over what a malformed
// request gets, which is always an rpc_error body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServerState, type ServerState } from "../../state.ts";
import { listenOn } from "../listen.ts";
import { send, sendError } from "./answer.ts";
import { answerClientError } from "./client_error.ts";
import { Exchanges } from "./exchanges.ts";
import { handleRpc } from "./handle_rpc.ts";
import { type ResolvedHttpOptions, resolveHttpOptions, type ServerOptions } from "./http_options.ts";

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  /** The core's state this front end serves; another front end (startMtprotoServer) may share it. */
  state: ServerState;
  close(): Promise<void>;
}

function route(state: ServerState, options: ResolvedHttpOptions, exchanges: Exchanges) {
  return (req: IncomingMessage, res: ServerResponse, expectsContinue = false) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (req.method === "GET" && path === "/health") return send(res, 200, { status: "ok" });
    if (req.method === "POST" && path === "/rpc") {
      exchanges.begin(res);
      handleRpc(state, options, { req, res, expectsContinue }).catch(() => {
        if (!res.headersSent) sendError(res, 500, "INTERNAL", true);
      });
      return;
    }
    req.resume();
    sendError(res, 404, "NOT_FOUND");
  };
}

/** The HTTP front end; on `state` when given (then the core options are that state's), else a new one. */
export async function startServer(input?: ServerOptions & { state?: ServerState }): Promise<RunningServer> {
  const options = resolveHttpOptions(input);
  const state = input?.state ?? createServerState(input);
  const exchanges = new Exchanges();
  const answered = new WeakSet<object>();
  const handle = route(state, options, exchanges);
  const server: Server = createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      // Node checks the two timeouts on this period (30 s by default, far longer than they are).
      connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(options.headersTimeoutMs / 4))),
      keepAliveTimeout: 5_000,
      maxHeaderSize: options.maxHeaderBytes,
    },
    (req, res) => handle(req, res),
  );
  // Decides on an Expect: 100-continue itself, so a body that is refused is never asked for.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  server.on("clientError", (error: NodeJS.ErrnoException, socket) =>
    answerClientError(error, socket, exchanges, answered),
  );
  const { host, port } = await listenOn(server, options.port, options.host);
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
