// The explore command's options as commander hands them over, and their defaults: apart from the
// explorer, so the command line registers `explore` without loading it.

export interface ExploreCommandOptions {
  target?: string;
  users?: string;
  steps: string;
  seed?: string;
  runs: string;
  budgetS: string;
  path?: string;
  timeoutMs: string;
  reports: string;
  strict?: boolean;
}

export const DEFAULTS = { steps: "30", runs: "1000", budgetS: "20", timeoutMs: "10000" } as const;
