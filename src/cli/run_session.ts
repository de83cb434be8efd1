// One run's report, written exactly once however the run ends: after the suite, when the target
// cannot be reached, when the harness fails, on SIGINT/SIGTERM, or on a usage error found once
// the reports folder is known. It prints the summary and ends with the verdict line and the
// count line; the exit code is the report's CI outcome.
import type { Envelope } from "@cucumber/messages";
import { redactUrlCredentials } from "../client/index.ts";
import type { Claims, ExpectedFailure, WireName } from "../profile/index.ts";
import {
  buildReport,
  type ConfigurationEntry,
  computeSuiteDigest,
  countLine,
  formatSummary,
  type Interruption,
  type NotClaimedScenario,
  type ReportsFolder,
  type Scope,
  verdictLine,
} from "../report/index.ts";
import { packageRoot, packageVersion } from "./package_root.ts";
import { appendStepSummary } from "./step_summary.ts";

export interface SessionSettings {
  command: string;
  startedAt: string;
  markdown: boolean;
  strict: boolean;
  expectedFailures: readonly ExpectedFailure[];
  claims?: Claims;
  secrets: readonly string[];
  /** The effective configuration, once the worker count is known. */
  configuration?: (workers: number) => Record<string, ConfigurationEntry>;
  warnings: readonly string[];
}

export class RunSession {
  readonly envelopes: Envelope[] = [];
  target: { url: string; kind: "embedded" | "external" } | undefined;
  selection: Scope["selection"] | undefined;
  notClaimed: readonly NotClaimedScenario[] = [];
  notApplicable: readonly NotClaimedScenario[] = [];
  /** The wire the run spoke, named in the report's header. */
  wire: WireName | undefined;
  /** The MTProto transport, when the wire is MTProto. */
  transport: string | undefined;
  workers = 0;
  private finishing: Promise<number> | undefined;

  constructor(
    private readonly folder: ReportsFolder,
    private readonly settings: SessionSettings,
  ) {}

  /** Builds, writes and prints the report (once; later calls get the same exit code). */
  finish(interruption?: Interruption): Promise<number> {
    this.finishing ??= this.write(interruption);
    return this.finishing;
  }

  private async write(interruption: Interruption | undefined): Promise<number> {
    const s = this.settings;
    const report = buildReport(
      this.envelopes,
      {
        suiteVersion: packageVersion(),
        suiteDigest: await computeSuiteDigest(packageRoot),
        target: redactUrlCredentials(this.target?.url ?? "(none)"),
        targetKind: this.target?.kind ?? "external",
        startedAt: s.startedAt,
        finishedAt: new Date().toISOString(),
        command: s.command,
        ...(s.configuration ? { configuration: s.configuration(this.workers) } : {}),
        ...(this.wire ? { wire: this.wire } : {}),
        ...(this.transport ? { transport: this.transport } : {}),
      },
      {
        ...(s.claims ? { claims: s.claims } : {}),
        notClaimed: this.notClaimed,
        notApplicable: this.notApplicable,
        ...(this.selection ? { selection: this.selection } : {}),
        expectedFailures: s.expectedFailures,
        ...(interruption ? { interruption } : {}),
        strict: s.strict,
        secrets: s.secrets,
        warnings: s.warnings,
      },
    );
    const paths = await this.folder.commit(report, { markdown: s.markdown });
    appendStepSummary(report, process.env);
    const files = [paths.html, paths.json, paths.junit, ...(paths.markdown ? [paths.markdown] : [])];
    process.stdout.write(
      `${formatSummary(report)}\n\nreports: ${files.join(", ")}\n${verdictLine(report)}\n${countLine(report)}\n`,
    );
    return report.ci.exitCode;
  }
}
