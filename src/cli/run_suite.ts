// Runs the features with cucumber's programmatic API and collects its message stream, the one
// source the reports are built from. The run's settings reach every World (also in worker
// processes) as cucumber's worldParameters.
import { Writable } from "node:stream";
import {
  type IRunEnvironment,
  type ISupportCodeLibrary,
  loadConfiguration,
  loadSupport,
  runCucumber,
} from "@cucumber/cucumber/api";
import type { Envelope } from "@cucumber/messages";
import type { WorldParameters } from "../profile/index.ts";
import { runPlan } from "../session/setup_affinity.ts";
import { featurePaths, runImports } from "./package_root.ts";
import { progressReporter } from "./progress.ts";

export interface SuiteRun {
  success: boolean;
  envelopes: Envelope[];
}

export interface SuiteOptions {
  tags?: string | undefined;
  name?: string | undefined;
  /** Only these scenarios, as `features/x.feature:LINE` (default: every feature file). */
  scenarios?: readonly string[];
  parallel: number;
  /** Absent: the World falls back to CONFORMANCE_TARGET (plain cucumber-js, in-process test runs). */
  worldParameters?: WorldParameters;
  /** Cucumber's own formatters: names for stdout, `name:path` for files (paths as given). */
  formats?: readonly string[];
  /** Progress characters go here; default stderr. */
  progress?: (text: string) => void;
  /** Every message as it arrives (the run command keeps them for a report if the run is cut short). */
  onMessage?: (message: Envelope) => void;
}

/** Cucumber's own formatters stay silent unless asked for: the run command prints its summary. */
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

function environmentOf(projectRoot: string, toStdout = false): IRunEnvironment {
  return {
    cwd: projectRoot,
    stdout: toStdout ? process.stdout : silent,
    stderr: process.stderr,
    env: process.env,
  };
}

function configuration(projectRoot: string, options: SuiteOptions) {
  return loadConfiguration(
    {
      file: false,
      provided: {
        paths: options.scenarios && options.scenarios.length > 0 ? [...options.scenarios] : [...featurePaths],
        import: [...runImports],
        strict: true,
        parallel: options.parallel,
        format: [...(options.formats ?? [])],
        ...(options.worldParameters ? { worldParameters: options.worldParameters } : {}),
        ...(options.tags ? { tags: options.tags } : {}),
        ...(options.name ? { name: [options.name] } : {}),
      },
    },
    environmentOf(projectRoot),
  );
}

/**
 * The step definitions, loaded once. Support code is ES modules, which load once per process:
 * a process that runs the suite several times (the mutant matrix) passes this to each run.
 */
export async function loadSuiteSupport(projectRoot: string): Promise<ISupportCodeLibrary> {
  const { runConfiguration } = await configuration(projectRoot, { parallel: 0 });
  return loadSupport(runConfiguration, environmentOf(projectRoot));
}

export async function runSuite(
  projectRoot: string,
  options: SuiteOptions,
  support?: ISupportCodeLibrary,
): Promise<SuiteRun> {
  const { runConfiguration } = await configuration(projectRoot, options);
  const envelopes: Envelope[] = [];
  const progress = progressReporter(options.progress ?? ((text) => process.stderr.write(text)));
  const run = support ? { ...runConfiguration, support } : runConfiguration;
  const toStdout = (options.formats ?? []).some((f) => !f.includes(":"));
  // The run's scenarios in cucumber's order, for the workers' choice of the next one
  // (src/session/setup_affinity.ts): cucumber sends them all before it starts a worker.
  const plan = runPlan.start();
  const steps = new Map<string, string[]>();
  try {
    const { success } = await runCucumber(run, environmentOf(projectRoot, toStdout), (message) => {
      envelopes.push(message);
      if (message.pickle)
        steps.set(
          message.pickle.id,
          message.pickle.steps.map((step) => step.text),
        );
      if (message.testCase)
        plan.add({ id: message.testCase.pickleId, steps: steps.get(message.testCase.pickleId) ?? [] });
      progress.onMessage(message);
      options.onMessage?.(message);
    });
    return { success, envelopes };
  } finally {
    runPlan.forget();
    progress.end();
  }
}
