// The reference server as the CLI's embedded target. Over MTProto it runs in a worker thread of
// its own: the suite's sign-ups run ahead of its scenarios (the account pool), and each is CPU
// work on both ends, the server's RSA decryption and DH beside the client's, which take turns in
// one thread and run at once in two (measured, the MTProto suite: 12.2–18.5 s in the harness's
// thread, 11.2–14.1 s in its own, alternating runs). Over TL-JSON the server's work per call is
// small and every call of a scenario waits for the one before, so a thread hop per call costs
// more than it frees (6.1–8.8 s in the harness's thread against 7.0–9.9 s in its own): there it
// stays in the harness's thread. Either way the harness reaches it only through its wire.
import { Worker } from "node:worker_threads";

export interface EmbeddedServer {
  /** `http://127.0.0.1:port` of the TL-JSON front end. */
  url: string;
  /** `tcp://127.0.0.1:port` of the MTProto front end, when asked for. */
  mtprotoUrl?: string;
  rsaPublicKeyPem?: string;
  close(): Promise<void>;
}

/** What the thread posts once it listens, or why it could not. */
export type EmbeddedStarted = Omit<EmbeddedServer, "close"> | { error: string };

export interface EmbeddedOptions {
  mtproto: boolean;
}

// Run through tsx, the modules are .ts and the thread must register tsx's hooks itself before it
// imports its entry (Node 20 loads a worker's entry before an --import of its execArgv runs);
// from the built package they are plain .js.
const fromTypeScript = import.meta.url.endsWith(".ts");
const ENTRY = new URL(`./embedded_entry.${fromTypeScript ? "ts" : "js"}`, import.meta.url);

function spawn(options: EmbeddedOptions): Worker {
  if (!fromTypeScript) return new Worker(ENTRY, { workerData: options });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  if (options.mtproto) return startInThread(options);
  const { startServer } = await import("./http/index.ts");
  const http = await startServer({});
  return { url: http.url, close: () => http.close() };
}

function startInThread(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const worker = spawn(options);
  return new Promise<EmbeddedServer>((resolve, reject) => {
    // Named listeners, removed one by one: removeAllListeners() would also take Node's own
    // listeners off the Worker, and its messages and stdio would stop arriving.
    const onError = (error: Error) => failed(error);
    const onExit = (code: number) =>
      failed(new Error(`the embedded server's thread ended (code ${code}) before it listened`));
    const onStarted = (started: EmbeddedStarted) => {
      settle();
      if ("error" in started) return failed(new Error(`the embedded server did not start: ${started.error}`));
      // A thread that fails later shows as a target that stops answering, which the run reports.
      worker.on("error", (error) =>
        process.stderr.write(`embedded server: ${error.stack ?? error.message}\n`),
      );
      resolve({ ...started, close: () => closeThread(worker) });
    };
    const settle = () => {
      worker.off("error", onError);
      worker.off("exit", onExit);
      worker.off("message", onStarted);
    };
    const failed = (error: Error) => {
      settle();
      void worker.terminate();
      reject(error);
    };
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.once("message", onStarted);
  });
}

/** Closes the front ends in the thread (their sockets end cleanly), then ends the thread. */
function closeThread(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    const end = () => void worker.terminate().then(() => resolve());
    worker.once("message", end);
    worker.once("exit", () => resolve());
    worker.postMessage("close");
  });
}
