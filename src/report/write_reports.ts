// Writes report.json, report.html and junit.xml. Each file is written whole to a temporary name
// and renamed, so an archive never picks up half a report.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ConformanceReport } from "./model.ts";
import { renderHtml } from "./write_html.ts";
import { renderJunit } from "./write_junit.ts";

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export async function writeReports(
  report: ConformanceReport,
  outDir: string,
): Promise<{ json: string; html: string; junit: string }> {
  await mkdir(outDir, { recursive: true });
  const paths = {
    json: join(outDir, "report.json"),
    html: join(outDir, "report.html"),
    junit: join(outDir, "junit.xml"),
  };
  await writeAtomically(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeAtomically(paths.html, renderHtml(report));
  await writeAtomically(paths.junit, renderJunit(report));
  return paths;
}
