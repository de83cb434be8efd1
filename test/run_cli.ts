// Runs `tl-conformance` from the sources in a child process, as a CI job would, without blocking
// this process (test servers in it must keep answering). Killed if it outlives `killAfterMs`.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /** Run this command instead of the sources (an installed package's `npx tl-conformance`), here. */
  command?: readonly string[];
  cwd?: string;
  killAfterMs?: number;
  /** Called with the child once it runs (to send it a signal). */
  onStart?: (child: import("node:child_process").ChildProcess) => void;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const [file, ...first] = options.command ?? [process.execPath, "--import", "tsx", "src/cli/main.ts"];
    const child = spawn(file ?? process.execPath, [...first, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, CONFORMANCE_TARGET: "", GITHUB_STEP_SUMMARY: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    options.onStart?.(child);
    const killer = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs ?? 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The last two lines of a run's stdout: the verdict line, then the count line. */
export function lastLines(run: CliRun): { verdict: string; count: string } {
  const lines = run.stdout.trimEnd().split("\n");
  return { verdict: lines.at(-2) ?? "", count: lines.at(-1) ?? "" };
}
