// Writes a run's reports so that a reports folder never holds files of an earlier run: every
// file goes to a fresh folder beside the target one, which then replaces the old folder whole.
// A folder is replaced only when it is ours (it has the marker, or holds nothing but report
// files), so `--reports .` can never delete someone's work.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { ConformanceReport } from "./model.ts";
import { renderHtml } from "./write_html.ts";
import { renderJunit } from "./write_junit.ts";
import { renderMarkdown } from "./write_markdown.ts";

const MARKER = ".tl-conformance-reports";
const REPORT_FILES = new Set([
  MARKER,
  "report.json",
  "report.html",
  "junit.xml",
  "report.md",
  "cucumber-junit.xml",
]);

export interface ReportPaths {
  json: string;
  html: string;
  junit: string;
  markdown?: string;
}

/** Why `dir` may not be replaced, or undefined when it may. */
function replaceProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${dir} exists and is not a folder`;
  const names = readdirSync(dir);
  if (names.includes(MARKER)) return undefined;
  const foreign = names.filter((n) => !REPORT_FILES.has(n));
  if (foreign.length === 0) return undefined;
  const listed = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
  return `${dir} holds files that are not reports (${listed}); each run replaces its reports folder whole, so give an empty or new folder`;
}

export class ReportsFolder {
  private constructor(
    /** As the user gave it, for the paths printed. */
    readonly dir: string,
    /** Where this run's files are written until they replace `dir`. */
    readonly staging: string,
  ) {}

  /** Checks that `dir` may be replaced and opens the staging folder beside it. */
  static open(dir: string): ReportsFolder {
    const target = resolve(dir);
    const problem = replaceProblem(target);
    if (problem) throw new ReportsFolderError(problem);
    mkdirSync(dirname(target), { recursive: true });
    return new ReportsFolder(dir, mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`)));
  }

  /** Writes the report's files and puts the folder in place of the old one. */
  async commit(report: ConformanceReport, options: { markdown: boolean }): Promise<ReportPaths> {
    const at = (name: string) => join(this.staging, name);
    await writeFile(at(MARKER), `reports of one tl-conformance run, started ${report.meta.startedAt}\n`);
    await writeFile(at("report.json"), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(at("report.html"), renderHtml(report));
    await writeFile(at("junit.xml"), renderJunit(report));
    if (options.markdown) await writeFile(at("report.md"), renderMarkdown(report));
    const target = resolve(this.dir);
    const previous = `${this.staging}.previous`;
    if (existsSync(target)) renameSync(target, previous);
    renameSync(this.staging, target);
    rmSync(previous, { recursive: true, force: true });
    const paths = {
      json: join(this.dir, "report.json"),
      html: join(this.dir, "report.html"),
      junit: join(this.dir, "junit.xml"),
    };
    return options.markdown ? { ...paths, markdown: join(this.dir, "report.md") } : paths;
  }

  /** Removes the staging folder of a run that writes no report. */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

export class ReportsFolderError extends Error {
  override name = "ReportsFolderError";
  readonly code = "REPORTS_FOLDER";
}

/** The three (or four) files into a folder, replacing it: for callers that have a report in hand. */
export async function writeReports(
  report: ConformanceReport,
  dir: string,
  options: { markdown: boolean } = { markdown: false },
): Promise<ReportPaths> {
  return ReportsFolder.open(dir).commit(report, options);
}
