// The step definitions of the suite, loaded the way a run loads them, for the catalogue and for
// check-features. Nothing is matched by hand: cucumber's own expressions decide.
import { loadConfiguration, loadSupport } from "@cucumber/cucumber/api";
import { featurePaths, packageRoot, supportImports } from "./package_root.ts";

export { packageRoot as projectRoot } from "./package_root.ts";

export interface CatalogueEntry {
  keyword: string;
  pattern: string;
  uri: string;
  line: number;
  /** Whether a step text would run this definition. */
  matches(text: string): boolean;
}

/** What a loaded step definition holds; the public ISupportCodeLibrary type hides the list. */
interface LoadedStepDefinition {
  keyword: string;
  pattern: string | RegExp;
  uri: string;
  line: number;
  expression: { match(text: string): unknown };
}

export async function stepCatalogue(): Promise<CatalogueEntry[]> {
  const environment = { cwd: packageRoot, env: process.env };
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: { paths: [...featurePaths], import: [...supportImports] },
    },
    environment,
  );
  const library = await loadSupport(runConfiguration, environment);
  // cucumber-js returns its SupportCodeLibrary as an opaque type; stepDefinitions is a stable
  // field of it (its formatters read it), narrowed here to the part the catalogue uses.
  const definitions = (library as unknown as { stepDefinitions: LoadedStepDefinition[] }).stepDefinitions;
  return definitions.map((d) => ({
    keyword: d.keyword,
    pattern: typeof d.pattern === "string" ? d.pattern : d.pattern.source,
    uri: d.uri,
    line: d.line,
    matches: (text: string) => d.expression.match(text) !== null,
  }));
}
