// `tl-conformance run` options, checked one by one; each bad one is a one-line usage error.
import { UsageError } from "./exit_codes.ts";

export interface RunCommandOptions {
  target?: string;
  tags?: string;
  name?: string;
  parallel: string;
  timeoutMs: string;
  reports: string;
}

export interface RunSettings {
  /** Undefined: start the embedded reference server. */
  target: string | undefined;
  tags: string | undefined;
  name: string | undefined;
  parallel: number;
  timeoutMs: number;
  reportsDir: string;
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export function runSettings(options: RunCommandOptions, env: NodeJS.ProcessEnv): RunSettings {
  const target = options.target ?? (env.CONFORMANCE_TARGET || undefined);
  if (target !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new UsageError(`--target must be an http(s) URL, got "${target}"`);
    }
  }
  return {
    target: target?.replace(/\/+$/, ""),
    tags: options.tags,
    name: options.name,
    parallel: integer(options.parallel, "--parallel", 0, 16),
    timeoutMs: integer(options.timeoutMs, "--timeout-ms", 1, 600_000),
    reportsDir: options.reports,
  };
}
