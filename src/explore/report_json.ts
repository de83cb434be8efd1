// reports/explore.json: the exploration's settings, counts, verdict and every finding with its
// scenario and the failing run's transcript (as parsed JSON, secrets already scrubbed).
import type { ExploreSettings } from "./context.ts";
import type { ExploreResult } from "./explore.ts";
import type { Finding } from "./finding.ts";
import { type ExploreVerdict, exploreVerdict } from "./verdict.ts";

export interface ExploreMeta {
  suiteVersion: string;
  target: string;
  targetKind: "embedded" | "external";
  startedAt: string;
  finishedAt: string;
  command: string;
}

export interface ExploreReport {
  kind: "tl-conformance explore";
  verdict: ExploreVerdict;
  meta: ExploreMeta & {
    settings: Omit<ExploreSettings, "target" | "maxFindings" | "users" | "path"> & {
      /** Null: 3 to 5, drawn per run. */
      users: number | null;
      path: string | null;
    };
  };
  totals: {
    runs: number;
    shrinks: number;
    commands: number;
    calls: number;
    elapsedMs: number;
    commandsPerSecond: number;
    findings: number;
    ended: ExploreResult["ended"];
    covered: Record<string, number>;
  };
  findings: (Omit<Finding, "transcript"> & { transcript: unknown })[];
}

export function buildExploreReport(
  result: ExploreResult,
  settings: ExploreSettings,
  meta: ExploreMeta,
): ExploreReport {
  const { target: _target, maxFindings: _max, ...shown } = settings;
  return {
    kind: "tl-conformance explore",
    verdict: exploreVerdict(result),
    meta: { ...meta, settings: { ...shown, users: shown.users ?? null, path: shown.path ?? null } },
    totals: {
      runs: result.runs,
      shrinks: result.shrinks,
      commands: result.commands,
      calls: result.calls,
      elapsedMs: result.elapsedMs,
      commandsPerSecond: commandsPerSecond(result),
      findings: result.findings.length,
      ended: result.ended,
      covered: result.covered,
    },
    findings: result.findings.map((f) => ({ ...f, transcript: JSON.parse(f.transcript) as unknown })),
  };
}

export function commandsPerSecond(result: { commands: number; elapsedMs: number }): number {
  return result.elapsedMs > 0 ? Math.round((result.commands / result.elapsedMs) * 10_000) / 10 : 0;
}
