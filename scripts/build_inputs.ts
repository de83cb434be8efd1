// What dist/ is built from (scripts/build.ts): the compiled folders, the TL files copied beside
// them, the generated validators and the compiler's settings. The build writes their digest to
// dist/build-inputs.txt, so a caller can tell that dist/ is current without building it again
// (the package test packs the build `npm ci` just made instead of running a second one).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const BUILD_INPUTS_FILE = "dist/build-inputs.txt";
const INPUTS = ["src", "steps", "support", "schema", "tsconfig.json", "tsconfig.build.json", "package.json"];

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, join(path, name)));
}

/** The digest of every input of the build, by path and content. */
export function buildInputsDigest(root: string): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((p) => filesUnder(root, p))) {
    hash.update(`${relative(root, join(root, file))}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
