// The worker thread's side of embedded.ts: starts the front ends on one core state, posts
// where they listen, and closes them when told.
import { parentPort, workerData } from "node:worker_threads";
import type { EmbeddedOptions, EmbeddedStarted } from "./embedded.ts";
import { startServer } from "./http/index.ts";
import { startMtprotoServer } from "./mtproto/index.ts";

const port = parentPort;
if (!port) throw new Error("embedded_entry.ts runs in a worker thread only");
const options = workerData as EmbeddedOptions;

try {
  const http = await startServer({});
  const mtproto = options.mtproto ? await startMtprotoServer(http.state) : undefined;
  port.on("message", async (message: unknown) => {
    if (message !== "close") return;
    await mtproto?.close();
    await http.close();
    port.postMessage("closed");
  });
  const started: EmbeddedStarted = {
    url: http.url,
    ...(mtproto ? { mtprotoUrl: mtproto.url, rsaPublicKeyPem: mtproto.rsaPublicKeyPem } : {}),
  };
  port.postMessage(started);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
