// The official Cucumber extension, as an editor runs it: @cucumber/language-service reads the glue
// that .vscode/settings.json names (tree-sitter over the TypeScript source, not the running code)
// and must resolve every step of every feature. A step definition or parameter type it cannot
// read statically (a computed regexp, a definition built in a loop) shows here as undefined.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import {
  ExpressionBuilder,
  getGherkinDiagnostics,
  type LanguageName,
  type Source,
} from "@cucumber/language-service";
import { WasmParserAdapter } from "@cucumber/language-service/wasm";
import { projectRoot, stepCatalogue } from "../../src/cli/step_catalogue.ts";

const settings = JSON.parse(readFileSync(join(projectRoot, ".vscode/settings.json"), "utf8")) as Record<
  string,
  string[]
>;

/** The files of a `dir/**\/*.ext` glob, the only form the settings use. */
function filesOf(glob: string): string[] {
  const match = /^([\w./-]+)\/\*\*\/\*(\.\w+)$/.exec(glob);
  assert.ok(match, `a glob of the form dir/**/*.ext: ${glob}`);
  const [, dir = "", ext = ""] = match;
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(at, e.name)) : e.name.endsWith(ext) ? [join(at, e.name)] : [],
    );
  return walk(join(projectRoot, dir));
}

const sourcesOf = (globs: string[] | undefined) =>
  (globs ?? []).flatMap(filesOf).map((path) => ({ path, content: readFileSync(path, "utf8") }));

test("the Cucumber language service finds every step definition and resolves every step of features/", async () => {
  // The package ships the tree-sitter grammars as wasm next to its code: no native build needed.
  const entry = createRequire(import.meta.url).resolve("@cucumber/language-service");
  const adapter = new WasmParserAdapter(join(dirname(entry), "../.."));
  await adapter.init();
  const glue: Source<LanguageName>[] = sourcesOf(settings["cucumber.glue"]).map(({ path, content }) => ({
    languageName: "tsx",
    uri: `file://${path}`,
    content,
  }));
  const built = new ExpressionBuilder(adapter).build(glue, []);
  assert.deepEqual(built.errors.map(String), [], "glue the language service could not read");
  const catalogue = await stepCatalogue();
  assert.equal(built.expressionLinks.length, catalogue.steps.length, "every step definition is found");
  const expressions = built.expressionLinks.map((l) => l.expression);
  const features = sourcesOf(settings["cucumber.features"]);
  assert.ok(features.length > 5, "the features are found");
  const undefinedSteps = features.flatMap(({ path, content }) =>
    getGherkinDiagnostics(content, expressions)
      .filter((d) => d.code === "cucumber.undefined-step")
      .map((d) => `${relative(projectRoot, path)}:${d.range.start.line + 1}: ${d.message}`),
  );
  assert.deepEqual(undefinedSteps, []);
});
