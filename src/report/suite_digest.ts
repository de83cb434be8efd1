// The digest a certificate names: sha256 over every file that decides what the suite checks
// (features, steps, support code, sources, TL schemas), in path order, each as path NUL content.
// Unit tests are left out: they decide nothing a run checks, and the package does not ship them,
// so a clone and the installed package of one version give the same digest.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

const ROOTS = ["features", "steps", "support", "src", "schema"];

async function filesUnder(root: string, dir: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? filesUnder(root, join(dir, e.name))
        : Promise.resolve([relative(root, join(dir, e.name))]),
    ),
  );
  return nested.flat();
}

export async function computeSuiteDigest(projectRoot: string): Promise<string> {
  const files = (await Promise.all(ROOTS.map((r) => filesUnder(projectRoot, join(projectRoot, r)))))
    .flat()
    .filter((f) => !f.endsWith(".test.ts"))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file.split("\\").join("/")}\0`);
    hash.update(await readFile(join(projectRoot, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
