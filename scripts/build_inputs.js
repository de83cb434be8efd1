// What dist/ is built from (scripts/build.ts): the compiled folders, the TL files copied beside
// them, the generated validators and the compiler's settings. The build writes their digest to
// dist/build-inputs.txt, so a caller can tell that dist/ is current without building it again
// (the package test packs the build `npm ci` just made instead of running a second one, and
// scripts/from_source.js runs dist/ only while it is current). Plain JavaScript, so that
// from_source.js can ask before any TypeScript loader is in the process.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const BUILD_INPUTS_FILE = "dist/build-inputs.txt";
const INPUTS = ["src", "steps", "support", "schema", "tsconfig.json", "tsconfig.build.json", "package.json"];

/** @param {string} root @param {string} path @returns {string[]} */
function filesUnder(root, path) {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, join(path, name)));
}

/**
 * The digest of every input of the build, by path and content.
 * @param {string} root
 * @returns {string}
 */
export function buildInputsDigest(root) {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((p) => filesUnder(root, p))) {
    hash.update(`${relative(root, join(root, file))}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * Whether dist/ holds a build of the sources as they are now (false when it was never built).
 * @param {string} root
 * @returns {boolean}
 */
export function distIsCurrent(root) {
  let recorded;
  try {
    recorded = readFileSync(join(root, BUILD_INPUTS_FILE), "utf8").trim();
  } catch {
    return false;
  }
  return recorded === buildInputsDigest(root);
}
