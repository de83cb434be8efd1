// Where the package's files are at run time, from this module's own URL: beside the sources in a
// clone (src/cli/ → ../../), or under dist/ in a built or installed package (dist/src/cli/ →
// ../../../). Features, TL files and package.json are read from the package root; the step
// definitions are loaded as compiled JavaScript when this module is compiled, so cucumber's
// worker processes never need a TypeScript loader.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const compiled = import.meta.url.endsWith(".js");

export const packageRoot = fileURLToPath(new URL(compiled ? "../../../" : "../../", import.meta.url));

/** Cucumber's `import` globs for the support code and steps, relative to the package root. */
export const supportImports: readonly string[] = compiled
  ? ["dist/support/**/*.js", "dist/steps/**/*.js"]
  : ["support/**/*.ts", "steps/**/*.ts"];

export const featurePaths: readonly string[] = ["features/**/*.feature"];

export function packageVersion(): string {
  const text = readFileSync(`${packageRoot}package.json`, "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
