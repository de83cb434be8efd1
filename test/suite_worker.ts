// Whole-suite runs for test files that run the suite many times (the kill matrices, the variants,
// explore's survey), in a worker thread. node:test tracks every promise of the thread it runs in
// with an async hook (an init and a destroy callback for each one), and a suite run makes hundreds
// of thousands of promises: measured, a run against the reference server took 3.75–3.84 s on the
// test runner's thread and 3.0–3.2 s in a worker, where no such hook is installed. The target is
// started in the worker too, so the server's promises escape the hook as well. The assertions
// stay in the test file; only the run moves.
import { after, before } from "node:test";
import { Worker } from "node:worker_threads";
import type { SuiteJob, SuiteJobResult, WorkerMessage } from "./suite_worker_jobs.ts";

export type { SuiteJob, SuiteJobResult } from "./suite_worker_jobs.ts";

const ENTRY = new URL("./suite_worker_entry.ts", import.meta.url).href;

/**
 * A worker's bootstrap: Node 20 loads a worker's entry file before an `--import` of the worker's
 * own execArgv has registered tsx's hooks (a .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION), so
 * the worker starts from plain JavaScript that registers them, then imports the entry.
 */
const BOOTSTRAP = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

interface Pending {
  resolve(result: SuiteJobResult): void;
  reject(error: Error): void;
}

/**
 * For a test file: a worker started before its tests and ended after them, and the function that
 * hands it a job. A worker that dies fails the jobs it had and is started afresh for the next.
 */
export function suiteWorker(): (job: SuiteJob) => Promise<SuiteJobResult> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(BOOTSTRAP, { eval: true });
    started.on("message", (message: WorkerMessage) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      if (message.ok) job.resolve(message.result);
      else job.reject(new Error(`in the suite worker: ${message.error}`));
    });
    started.on("error", (error) => {
      worker = undefined;
      failAll(new Error(`the suite worker failed: ${error.stack ?? error.message}`));
    });
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the suite worker exited with code ${code} during a job`));
    });
    return started;
  };
  before(() => {
    worker = start();
  });
  after(async () => {
    const ending = worker;
    worker = undefined;
    await ending?.terminate();
  });
  return (job) =>
    new Promise<SuiteJobResult>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
}

/** The answer of the kind a job asks for, or the test fails saying what came back instead. */
export function resultOf<K extends SuiteJobResult["kind"]>(
  result: SuiteJobResult,
  kind: K,
): Extract<SuiteJobResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`the suite worker answered ${result.kind}, not ${kind}`);
  return result as Extract<SuiteJobResult, { kind: K }>;
}

/** A run's row and the choices it met. */
export const rowOf = (result: SuiteJobResult) => resultOf(result, "row");
