// The step definitions and parameter types of the suite, loaded the way a run loads them, with
// each one's description and example from its doc comment: for `tl-conformance steps`,
// docs/steps.md and check-features. Nothing is matched by hand: cucumber's own expressions decide.
import { loadConfiguration, loadSupport } from "@cucumber/cucumber/api";
import { docCommentAt } from "./doc_comment.ts";
import { featurePaths, packageRoot, supportImports } from "./package_root.ts";
import { regexpValues } from "./regexp_values.ts";

export { packageRoot as projectRoot } from "./package_root.ts";

const projectRoot = packageRoot;

export interface ParameterInfo {
  name: string;
  description: string | undefined;
  regexp: string;
  /** Every value the type accepts, when there are few enough to list. */
  values: string[] | undefined;
  /** Where it is defined; undefined for cucumber's built-in types. */
  source: { uri: string; line: number } | undefined;
}

export interface CatalogueEntry {
  keyword: string;
  pattern: string;
  uri: string;
  line: number;
  description: string | undefined;
  examples: string[];
  /** The parameter types of the expression, in order. */
  parameters: string[];
  /** Whether a step text would run this definition. */
  matches(text: string): boolean;
  /** The arguments a text gives the definition, through the types' transformers (which may throw). */
  argumentsOf(text: string): unknown[];
}

export interface StepCatalogue {
  steps: CatalogueEntry[];
  parameterTypes: Map<string, ParameterInfo>;
}

/** What a loaded step definition holds; the public ISupportCodeLibrary type hides the list. */
interface LoadedStepDefinition {
  keyword: string;
  pattern: string | RegExp;
  uri: string;
  line: number;
  expression: { match(text: string): { getValue(thisObject: unknown): unknown }[] | null };
}

interface LoadedParameterType {
  name: string;
  regexpStrings: readonly string[];
}

interface LoadedLibrary {
  stepDefinitions: LoadedStepDefinition[];
  parameterTypeRegistry: {
    parameterTypes: Iterable<LoadedParameterType>;
    lookupSource(type: LoadedParameterType): { uri: string; line: number } | undefined;
  };
}

/** Cucumber's own types, which have no doc comment of ours. */
const BUILT_IN: Record<string, string> = {
  int: "an integer",
  float: "a number",
  word: "a word with no spaces",
  string: 'a "quoted" string',
};

function parameterInfo(library: LoadedLibrary, type: LoadedParameterType): ParameterInfo {
  let source: { uri: string; line: number } | undefined;
  try {
    source = library.parameterTypeRegistry.lookupSource(type);
  } catch {
    source = undefined; // a built-in type has no source
  }
  const regexp = type.regexpStrings.join("|");
  return {
    name: type.name,
    description: source
      ? docCommentAt(projectRoot, source.uri, source.line)?.description
      : BUILT_IN[type.name],
    regexp,
    values: type.regexpStrings.length === 1 ? regexpValues(regexp) : undefined,
    source,
  };
}

function entryOf(d: LoadedStepDefinition): CatalogueEntry {
  const pattern = typeof d.pattern === "string" ? d.pattern : d.pattern.source;
  const doc = docCommentAt(projectRoot, d.uri, d.line);
  return {
    keyword: d.keyword,
    pattern,
    uri: d.uri,
    line: d.line,
    description: doc?.description || undefined,
    examples: doc?.examples ?? [],
    parameters: [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? ""),
    matches: (text) => d.expression.match(text) !== null,
    argumentsOf: (text) => (d.expression.match(text) ?? []).map((a) => a.getValue(null)),
  };
}

async function load(): Promise<StepCatalogue> {
  const environment = { cwd: projectRoot, env: process.env };
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: { paths: [...featurePaths], import: [...supportImports] },
    },
    environment,
  );
  // cucumber-js returns its SupportCodeLibrary as an opaque type; stepDefinitions and the
  // parameter type registry are stable fields of it (its formatters read them), narrowed here
  // to the part the catalogue uses.
  const library = (await loadSupport(runConfiguration, environment)) as unknown as LoadedLibrary;
  const parameterTypes = new Map(
    [...library.parameterTypeRegistry.parameterTypes].map((t) => [t.name, parameterInfo(library, t)]),
  );
  return { steps: library.stepDefinitions.map(entryOf), parameterTypes };
}

let loaded: Promise<StepCatalogue> | undefined;

/** The catalogue, loaded once per process (the support code registers its steps only once). */
export function stepCatalogue(): Promise<StepCatalogue> {
  loaded ??= load();
  return loaded;
}
