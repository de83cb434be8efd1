// Runs the features with cucumber's programmatic API and collects its message stream, the one
// source the reports are built from.
import { Writable } from "node:stream";
import { loadConfiguration, runCucumber } from "@cucumber/cucumber/api";
import type { Envelope } from "@cucumber/messages";
import { progressReporter } from "./progress.ts";

export interface SuiteRun {
  success: boolean;
  envelopes: Envelope[];
}

/** Cucumber's own formatters stay silent: the run command prints progress and the summary. */
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

export async function runSuite(
  projectRoot: string,
  options: { tags?: string; name?: string; parallel: number },
): Promise<SuiteRun> {
  const environment = { cwd: projectRoot, stdout: silent, stderr: process.stderr, env: process.env };
  const { runConfiguration } = await loadConfiguration(
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
    environment,
  );
  const envelopes: Envelope[] = [];
  const progress = progressReporter((text) => process.stderr.write(text));
  const { success } = await runCucumber(runConfiguration, environment, (message) => {
    envelopes.push(message);
    progress.onMessage(message);
  });
  progress.end();
  return { success, envelopes };
}
