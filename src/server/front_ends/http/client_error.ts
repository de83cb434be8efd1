// What Node calls a client error (the request line or headers malformed or over maxHeaderBytes,
// a head or body that does not arrive in time) gets an rpc_error body with a status from the
// binding's table, where Node alone would send a bare 400, 431 or 408.
import type { Duplex } from "node:stream";
import { type ErrorStatus, rawError, sendError } from "./answer.ts";
import type { Exchanges } from "./exchanges.ts";
import { closeGently } from "./linger.ts";

function statusOf(code: string | undefined): ErrorStatus {
  // 431 is not in the binding's table; a head over the limit is a request too large, as a body is.
  return code === "HPE_HEADER_OVERFLOW" || code === "HPE_CHUNK_EXTENSIONS_OVERFLOW" ? 413 : 400;
}

export function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  exchanges: Exchanges,
  answered: WeakSet<object>,
): void {
  const res = exchanges.of(socket);
  if (error.code === "ECONNRESET" || !socket.writable || answered.has(socket) || res?.headersSent) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  const status = statusOf(error.code);
  if (res) {
    sendError(res, status, "INPUT_REQUEST_INVALID", true);
    return;
  }
  // No request reached the handler: there is no response object, only the socket.
  socket.write(rawError(status, "INPUT_REQUEST_INVALID"));
  closeGently(socket);
}
