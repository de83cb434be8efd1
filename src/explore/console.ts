// What explore prints: a progress line on stderr at most once a second, each finding on stdout
// (what failed, the command that replays it, the scenario to paste or the history), and the
// count line CI tools read last.
import type { ExploreProgress } from "./context.ts";
import type { Finding } from "./finding.ts";
import { commandsPerSecond } from "./report_json.ts";

const PROGRESS_EVERY_MS = 1000;

export const countLine = (r: { runs: number; commands: number }, findings: number) =>
  `explore: ${r.runs} runs, ${r.commands} commands, ${findings} findings\n`;

/** A progress callback that writes a line when a second has passed since the last one. */
export function progressWriter(write: (text: string) => void): (p: ExploreProgress) => void {
  let last = 0;
  return (p) => {
    if (p.elapsedMs - last < PROGRESS_EVERY_MS) return;
    last = p.elapsedMs;
    write(
      `explore: ${p.runs} runs (${p.shrinks} shrinking), ${p.commands} commands, ${commandsPerSecond(p)} commands/s, ${p.findings} findings\n`,
    );
  };
}

/** One finding; `target` is added to the replay command for a target other than the embedded one. */
export function describeFinding(finding: Finding, index: number, target: string | undefined): string {
  const what = finding.level ? `${finding.key} (${finding.level})` : `${finding.key} (the target faulted)`;
  const replay = target === undefined ? finding.replay : `${finding.replay} --target ${target}`;
  return [
    `explore: finding ${index + 1}: ${what} after a history of ${finding.commands} commands (${finding.shrinks} shrinks${finding.shrinkComplete ? "" : ", not shrunk to the end"})`,
    finding.message,
    `replay: ${replay}`,
    ...(finding.gherkin
      ? ["scenario (paste into a feature file):", "", finding.gherkin]
      : ["history:", ...finding.history.map((s) => `  ${s}`), ""]),
    "",
  ].join("\n");
}
