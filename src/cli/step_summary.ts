// On GitHub Actions, the run's Markdown summary is appended to the job's summary page. A failure
// to write it is a warning, never a change of the run's outcome.
import { appendFileSync } from "node:fs";
import { type ConformanceReport, renderMarkdown } from "../report/index.ts";

export function appendStepSummary(report: ConformanceReport, env: NodeJS.ProcessEnv): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, `${renderMarkdown(report)}\n`);
  } catch (error) {
    process.stderr.write(
      `tl-conformance: warning: cannot append to $GITHUB_STEP_SUMMARY: ${String(error)}\n`,
    );
  }
}
