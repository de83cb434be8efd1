// Raw HTTP/1.1 over a TCP socket, for what fetch will not send: malformed request lines, heads
// over the limit, bodies that stop halfway, a Content-Length nobody sends.
import { connect, type Socket } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended, if it did before the answer was complete. */
  error?: string;
}

/** Reads one response from a socket: resolves when its body is complete, or the socket ends. */
export function readAnswer(socket: Socket, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const parse = (error?: string): RawAnswer | undefined => {
      const text = data.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return error ? { status: 0, headers: {}, body: "", error } : undefined;
      const [line = "", ...fields] = text.slice(0, end).split("\r\n");
      const headers = Object.fromEntries(
        fields.map((f) => [f.slice(0, f.indexOf(":")).toLowerCase(), f.slice(f.indexOf(":") + 1).trim()]),
      );
      const body = data.subarray(end + 4);
      const length = Number(headers["content-length"] ?? Number.NaN);
      if (!error && !(body.length >= length)) return undefined;
      const status = Number(line.split(" ")[1]);
      if (status === 100) {
        data = data.subarray(end + 4);
        return parse(error);
      }
      return {
        status,
        headers,
        body: body.subarray(0, length).toString("utf8"),
        ...(error ? { error } : {}),
      };
    };
    const finish = (answer: RawAnswer) => {
      clearTimeout(timer);
      socket.removeAllListeners("data");
      resolve(answer);
    };
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const answer = parse();
      if (answer) finish(answer);
    });
    socket.on("error", (e: NodeJS.ErrnoException) => finish(parse(e.code ?? e.message) as RawAnswer));
    socket.on("end", () => finish(parse("closed") as RawAnswer));
  });
}

/** `allowHalfOpen`: keep writing after the server has closed its side, as a client mid-upload does. */
export function open(port: number, allowHalfOpen = false): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1", allowHalfOpen }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** The head of a POST /rpc with these headers (a Host and the binding's content type by default). */
export function head(extra: Record<string, string | number>, path = "/rpc"): string {
  const fields = { host: "x", "content-type": "application/json", ...extra };
  return `POST ${path} HTTP/1.1\r\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;
}
