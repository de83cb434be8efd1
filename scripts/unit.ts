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

/**
 * Files that run the whole suite many times, longest first: node:test starts files in the order
 * given, two at a time, so the long ones go first and the many short ones fill in beside them
 * (started last, a long file would run alone at the end while the other core idles).
 */
const LONG_FIRST = [
  "test/mutants/kill_matrix_shard",
  "test/variants/variants_mtproto_shard",
  "test/variants/variants.test.ts",
  "test/explore/mutant_survey",
  "test/package/",
  "src/cli/run.test.ts",
  "src/cli/run_mtproto.test.ts",
  "test/explore/",
  "test/mutants/kill_matrix_mtproto_shard",
  "test/hostile",
];
const rank = (file: string) => {
  const at = LONG_FIRST.findIndex((prefix) => file.startsWith(prefix));
  return at < 0 ? LONG_FIRST.length : at;
};

const filter = process.argv.slice(2);
const files = [...testFiles(join(root, "test")), ...testFiles(join(root, "src"))]
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
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
