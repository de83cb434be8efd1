// Where the package's files are at run time, from this module's own URL: beside the sources in a
// clone (src/cli/ → ../../), or under dist/ in a built or installed package (dist/src/cli/ →
// ../../../). Features, TL files and package.json are read from the package root; the step
// definitions are loaded as compiled JavaScript when this module is compiled, so cucumber's
// worker processes never need a TypeScript loader.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const compiled = import.meta.url.endsWith(".js");

/** The bundle of the compiled support code and steps (written by scripts/bundle_suite.ts). */
export const SUITE_BUNDLE = "dist/bundle/suite.js";

export const packageRoot = fileURLToPath(new URL(compiled ? "../../../" : "../../", import.meta.url));

/** The folders of the support code and steps, in the order cucumber imports them. */
export const SUPPORT_FOLDERS: readonly string[] = ["support", "steps"];

/** Cucumber's `import` globs for the compiled support code and steps, relative to the package root. */
export const compiledSupportImports: readonly string[] = SUPPORT_FOLDERS.map((dir) => `dist/${dir}/**/*.js`);

/** Cucumber's `import` globs for the support code and steps as this module runs (compiled or not). */
export const supportImports: readonly string[] = compiled
  ? compiledSupportImports
  : SUPPORT_FOLDERS.map((dir) => `${dir}/**/*.ts`);

/**
 * What a run gives cucumber to import: in the compiled package, the same support code and steps
 * bundled into one module by the build (scripts/bundle_suite.ts), which every worker process
 * loads faster than the files one by one; the files where there is no bundle. Step definitions
 * then name the bundle as their place: `tl-conformance steps` and the checks, which show where
 * a step is defined, import the files.
 */
export const runImports: readonly string[] =
  compiled && existsSync(`${packageRoot}${SUITE_BUNDLE}`) ? [SUITE_BUNDLE] : supportImports;

export const featurePaths: readonly string[] = ["features/**/*.feature"];

export function packageVersion(): string {
  const text = readFileSync(`${packageRoot}package.json`, "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
