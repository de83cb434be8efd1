// POST /rpc: the HTTP request → one call of the core → the HTTP answer. What only HTTP has is
// checked here (content type, body size and encoding); everything else is the core's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { dispatchBody } from "../../dispatch.ts";
import { RpcError } from "../../rpc_error.ts";
import type { ServerState } from "../../state.ts";
import { type ErrorStatus, send, sendError } from "./answer.ts";
import { decodeBody } from "./decode_body.ts";
import type { ResolvedHttpOptions } from "./http_options.ts";
import { readBody } from "./read_body.ts";
import { declaredTooLong, isJsonUtf8, keyOf } from "./request_head.ts";

/** How much of a refused body is read and dropped before the connection is closed, per body limit. */
const DRAIN_FACTOR = 8;

export interface RpcRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** The client sent `Expect: 100-continue` and waits for a go-ahead before its body. */
  expectsContinue: boolean;
}

function refuse(request: RpcRequest, status: ErrorStatus, drop: number): void {
  sendError(request.res, status, "INPUT_REQUEST_INVALID");
  void readBody(request.req, 0, drop).catch(() => {});
}

export async function handleRpc(state: ServerState, options: ResolvedHttpOptions, request: RpcRequest) {
  const { req, res } = request;
  const started = performance.now();
  const limit = options.bodyLimitBytes;
  const drop = limit * DRAIN_FACTOR;
  if (declaredTooLong(req.headers["content-length"], limit)) return refuse(request, 413, drop);
  if (!isJsonUtf8(req.headers["content-type"])) return refuse(request, 400, drop);
  if (request.expectsContinue) res.writeContinue();
  const raw = await readBody(req, limit, drop);
  if (raw === undefined) {
    if (!res.headersSent && !req.socket.destroyed) sendError(res, 413, "INPUT_REQUEST_INVALID");
    return;
  }
  let body: unknown;
  try {
    body = decodeBody(raw);
  } catch (error) {
    if (!(error instanceof RpcError)) throw error;
    return send(res, error.errorCode, error.toTl());
  }
  const outcome = dispatchBody(state, body, { sessionKey: keyOf(req.headers.authorization) });
  send(res, outcome.status, outcome.body);
  if (outcome.internal) process.stderr.write(`reference server: ${outcome.method}: ${outcome.internal}\n`);
  options.onRequest?.(
    `${outcome.method} L${outcome.layer} → ${outcome.status} ${(performance.now() - started).toFixed(1)} ms`,
  );
}
