// Reads a request body, bounded. Past `keep` bytes it stops keeping them but reads on and drops
// them, up to `drop` bytes in all, so that the connection can serve the next request once the body
// ends. Past `drop` the connection is closed, gently (linger.ts): a client still sending reads
// the 413 it was answered rather than a reset. An answer given before the body was read (a
// declared length over the limit, a wrong content type) reads the body the same way, `keep` 0.
import type { IncomingMessage } from "node:http";
import { closeGently } from "./linger.ts";

/** The body, or undefined when it held more than `keep` bytes. */
export function readBody(req: IncomingMessage, keep: number, drop: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > drop) closeGently(req.socket);
      } else if (size > keep) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => resolve(undefined));
  });
}
