// Writes explore.json and explore.html, each whole to a temporary name then renamed, so an archive
// never picks up half a report.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderExploreHtml } from "./report_html.ts";
import type { ExploreReport } from "./report_json.ts";

async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export async function writeExploreReport(
  report: ExploreReport,
  dir: string,
): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, "explore.json"), html: join(dir, "explore.html") };
  await replaceFile(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  await replaceFile(paths.html, renderExploreHtml(report));
  return paths;
}
