// `--path P` replays one failing history: fast-check's counterexample path, and the replay path of
// its commands (which commands ran in each shrink, which the path's walk cannot recompute without
// running them), joined by "@".
import { InvalidOptionError } from "../client/index.ts";

export interface ReplayPath {
  /** fast-check's counterexamplePath: the run index, then the shrink steps. */
  path: string;
  /** fc.commands' replayPath. */
  commands: string;
}

const FORMAT = /^(\d+(?::\d+)*)@([A-Za-z0-9+/]*:[A-Za-z0-9+/]*)$/;

export function parseReplayPath(text: string): ReplayPath {
  const match = FORMAT.exec(text);
  if (!match) {
    throw new InvalidOptionError(
      `--path must be a path printed by explore, such as 3:0:1@BA:F, got "${text.slice(0, 80)}"`,
    );
  }
  return { path: match[1] as string, commands: match[2] as string };
}

export function formatReplayPath(path: string, commandsDescription: string): string {
  const replay = /replayPath="([^"]*)"/.exec(commandsDescription)?.[1] ?? ":";
  return `${path}@${replay}`;
}

/** The run index a path starts at. */
export function runIndexOf(path: ReplayPath): number {
  return Number(path.path.split(":")[0]);
}
