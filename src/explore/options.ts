// `tl-conformance explore` options, checked one by one at the boundary; each bad one is a
// one-line error naming the option (InvalidOptionError, which the command turns into exit 2).
import { randomInt } from "node:crypto";
import { InvalidOptionError } from "../client/index.ts";
import type { ExploreSettings } from "./context.ts";
import type { ExploreCommandOptions } from "./defaults.ts";
import { parseReplayPath } from "./replay_path.ts";

export { DEFAULTS, type ExploreCommandOptions } from "./defaults.ts";

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
    throw new InvalidOptionError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function targetUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new InvalidOptionError(`--target must be an http(s) URL, got "${text}"`);
  return text.replace(/\/+$/, "");
}

/** The settings, with `target` undefined when the embedded reference server is to be started. */
export function exploreSettings(
  options: ExploreCommandOptions,
): Omit<ExploreSettings, "target"> & { target: string | undefined } {
  if (options.path !== undefined) {
    parseReplayPath(options.path);
    if (options.seed === undefined)
      throw new InvalidOptionError("--path replays a history only with its --seed");
  }
  const budgetMs = integer(options.budgetS, "--budget-s", 1, 3600) * 1000;
  return {
    target: options.target === undefined ? undefined : targetUrl(options.target),
    users: options.users === undefined ? undefined : integer(options.users, "--users", 3, 5),
    steps: integer(options.steps, "--steps", 1, 500),
    seed:
      options.seed === undefined
        ? randomInt(2 ** 31 - 1)
        : integer(options.seed, "--seed", -(2 ** 31), 2 ** 31 - 1),
    runs: integer(options.runs, "--runs", 1, 1_000_000),
    budgetMs,
    path: options.path,
    // A request never waits past the budget: a hanging target cannot hold the run much longer.
    timeoutMs: Math.min(integer(options.timeoutMs, "--timeout-ms", 1, 600_000), budgetMs),
    shrink: true,
    maxFindings: Number.POSITIVE_INFINITY,
  };
}
