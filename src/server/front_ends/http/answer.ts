// Writing an answer: through a ServerResponse, or raw onto a socket when Node has none (a request
// that never parsed). Either way a TL-JSON body with the binding's content type.
import { type ServerResponse, STATUS_CODES } from "node:http";
import { RpcError } from "../../rpc_error.ts";

export function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  };
  if (close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(text);
}

export type ErrorStatus = RpcError["errorCode"];

export function sendError(res: ServerResponse, status: ErrorStatus, message: string, close = false): void {
  send(res, status, new RpcError(status, message).toTl(), close);
}

/** A whole HTTP/1.1 response, for writing straight onto a socket; it closes the connection. */
export function rawError(status: ErrorStatus, message: string): string {
  const text = JSON.stringify(new RpcError(status, message).toTl());
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    "content-type: application/json; charset=utf-8\r\n" +
    `content-length: ${Buffer.byteLength(text)}\r\n` +
    `connection: close\r\n\r\n${text}`
  );
}
