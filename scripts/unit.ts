// Runs every node:test file under test/ and src/. Node 20's --test does not expand globs and
// only discovers .js files by itself, so the list is built here and handed over explicitly.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function testFiles(dir: string): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}

const filter = process.argv.slice(2);
const files = [...testFiles(join(root, "test")), ...testFiles(join(root, "src"))]
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no test files match ${filter.join(" ")}\n`);
  process.exit(2);
}
const run = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  { cwd: root, stdio: "inherit" },
);
process.exitCode = run.status ?? 1;
