// The worker thread's side of test/suite_worker.ts: starts the named target, runs the suite (or
// explore) against it, closes it, and posts the result back. Jobs come one at a time per test
// file, but each carries its id, so answers cannot be mixed up.
import { parentPort } from "node:worker_threads";
import type { ISupportCodeLibrary } from "@cucumber/cucumber/api";
import { loadSuiteSupport } from "../src/cli/run_suite.ts";
import { projectRoot } from "../src/cli/step_catalogue.ts";
import { exploreMutant } from "./explore/survey.ts";
import { MUTANTS } from "./mutants/catalogue.ts";
import { cellMutant } from "./mutants/cell_mutants.ts";
import { type RunChoice, type RunTarget, runAgainst } from "./mutants/run_against.ts";
import { overMtproto, type StartedTarget } from "./servers.ts";
import type { SuiteJob, SuiteJobResult, Wire, WorkerMessage } from "./suite_worker_jobs.ts";
import { VARIANTS } from "./variants/catalogue.ts";

let support: Promise<ISupportCodeLibrary> | undefined;

function named<T extends { name: string }>(list: readonly T[], name: string, what: string): T {
  const found = list.find((entry) => entry.name === name);
  if (!found) throw new Error(`no ${what} named ${name}`);
  return found;
}

/** The suite against a started target on a wire; the target is closed whatever happens. */
async function suiteOn(
  started: StartedTarget,
  wire: Wire,
  choice: RunChoice | undefined,
  exercised: ReadonlySet<string> = new Set(),
): Promise<SuiteJobResult> {
  support ??= loadSuiteSupport(projectRoot);
  const loaded = await support;

  let target: RunTarget = started.url;
  let close = () => started.close();
  if (wire === "mtproto") {
    const front = await overMtproto(started);
    if (!front) {
      await started.close();
      return { kind: "not-on-wire" };
    }
    target = front;
    close = () => front.close();
  }
  try {
    const row = await runAgainst(target, loaded, choice);
    return { kind: "row", row, exercised: [...exercised] };
  } finally {
    await close();
  }
}

async function run(job: SuiteJob): Promise<SuiteJobResult> {
  switch (job.kind) {
    case "mutant":
      return suiteOn(await named(MUTANTS, job.name, "mutant").start(), job.wire, job.choice);
    case "variant": {
      // The variant server records each of its choices the suite meets.
      const exercised = new Set<string>();
      const variant = named(VARIANTS, job.name, "variant");
      return suiteOn(await variant.start((kind) => exercised.add(kind)), job.wire, undefined, exercised);
    }
    case "cell":
      return suiteOn(await cellMutant(job.cell)(), "http-json", job.choice);
    case "explore":
      return { kind: "found", found: await exploreMutant(named(MUTANTS, job.name, "mutant")) };
  }
}

const port = parentPort;
if (!port) throw new Error("test/suite_worker_entry.ts runs only as a worker thread (test/suite_worker.ts)");
port.on("message", (message: { id: number; job: SuiteJob }) => {
  run(message.job).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies WorkerMessage),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerMessage),
  );
});
