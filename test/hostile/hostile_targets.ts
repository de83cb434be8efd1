// Targets that are healthy on /health and hostile on /rpc. The harness must turn each into a
// failed step with a reason, within its timeout, and still write its report.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../loopback.ts";

export interface HostileTarget {
  name: string;
  /** The error code the failed step must start with. */
  expect: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

const MB = 1024 * 1024;

export const HOSTILE_TARGETS: HostileTarget[] = [
  { name: "never answers", expect: "TARGET_TIMEOUT", handle: () => {} },
  { name: "resets the connection", expect: "TARGET_RESET", handle: (req) => req.socket.destroy() },
  {
    name: "drips a byte a second",
    expect: "TARGET_TIMEOUT",
    handle: (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 1000);
      res.on("close", () => clearInterval(timer));
    },
  },
  {
    name: "sends 50 MB",
    expect: "TARGET_BODY_TOO_LARGE",
    handle: (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": 50 * MB });
      const chunk = Buffer.alloc(MB, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !res.destroyed) {
          sent += 1;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    },
  },
  {
    name: "sends invalid JSON",
    expect: "TARGET_NOT_JSON",
    handle: (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"_":"auth.sentCode",'),
  },
  {
    name: "sends a JSON array",
    expect: "TARGET_NOT_JSON",
    handle: (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("[1,2,3]"),
  },
  {
    name: "sends an HTML 502",
    expect: "TARGET_NOT_JSON",
    handle: (_req, res) =>
      res
        .writeHead(502, { "content-type": "text/html" })
        .end("<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>"),
  },
  {
    name: "redirects to itself",
    expect: "TARGET_NOT_JSON",
    handle: (_req, res) => res.writeHead(302, { location: "/rpc" }).end(),
  },
  {
    name: "refuses every call with an rpc_error",
    expect: "TARGET_RPC_ERROR",
    handle: (_req, res) =>
      res
        .writeHead(400, { "content-type": "application/json" })
        .end('{"_":"rpc_error","error_code":400,"error_message":"NOT_TODAY"}'),
  },
  {
    name: "sends 64 KiB of headers",
    expect: "TARGET_HEADERS_TOO_LARGE",
    handle: (_req, res) =>
      res.writeHead(200, { "content-type": "application/json", "x-junk": "j".repeat(64 * 1024) }).end("{}"),
  },
  {
    name: "sends JSON as text/plain",
    expect: "TARGET_NOT_JSON",
    handle: (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/plain" })
        .end('{"_":"auth.sentCode","phone_registered":false,"phone_code_hash":"x"}'),
  },
];

export async function startHostile(target: HostileTarget): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    // A client that gives up mid-answer is expected here; it must not crash the test process.
    res.on("error", () => {});
    req.on("error", () => {});
    if (req.url === "/health")
      return void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    req.resume();
    target.handle(req, res);
  });
  server.on("connection", (socket) => socket.on("error", () => {}));
  return listenOnLoopback(server);
}
