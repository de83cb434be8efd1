// Runs the features with cucumber's programmatic API and collects its message stream, the one
// source the reports are built from.
import { Writable } from "node:stream";
import {
  type ISupportCodeLibrary,
  loadConfiguration,
  loadSupport,
  runCucumber,
} from "@cucumber/cucumber/api";
import type { Envelope } from "@cucumber/messages";
import { progressReporter } from "./progress.ts";

export interface SuiteRun {
  success: boolean;
  envelopes: Envelope[];
}

export interface SuiteOptions {
  tags?: string;
  name?: string;
  parallel: number;
  /** Progress characters go here; default stderr. */
  progress?: (text: string) => void;
}

/** Cucumber's own formatters stay silent: the run command prints progress and the summary. */
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

function environmentOf(projectRoot: string) {
  return { cwd: projectRoot, stdout: silent, stderr: process.stderr, env: process.env };
}

function configuration(projectRoot: string, options: SuiteOptions) {
  return loadConfiguration(
    {
      file: false,
      provided: {
        paths: ["features/**/*.feature"],
        import: ["support/**/*.ts", "steps/**/*.ts"],
        strict: true,
        parallel: options.parallel,
        format: [],
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
  const { success } = await runCucumber(run, environmentOf(projectRoot), (message) => {
    envelopes.push(message);
    progress.onMessage(message);
  });
  progress.end();
  return { success, envelopes };
}
