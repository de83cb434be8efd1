// The features as cucumber reads them: every feature file parsed to Gherkin messages (the
// document, its pickles, parse errors), for check-features and the requirement trace.
import { readdir, readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { generateMessages } from "@cucumber/gherkin";
import { type Envelope, IdGenerator, SourceMediaType } from "@cucumber/messages";

export interface FeatureFile {
  /** The path relative to the project when the file is in it, else as given. */
  uri: string;
  path: string;
  text: string;
  envelopes: readonly Envelope[];
}

export async function featureFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return featureFiles(path);
      return Promise.resolve(e.name.endsWith(".feature") ? [path] : []);
    }),
  );
  return nested.flat().sort();
}

function uriOf(projectRoot: string, path: string): string {
  const inside = relative(projectRoot, path);
  return inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

/** Each feature file (all of features/, or the ones given) with its Gherkin messages. */
export async function readFeatures(projectRoot: string, files?: readonly string[]): Promise<FeatureFile[]> {
  const newId = IdGenerator.incrementing();
  const paths = files ? files.map((f) => resolve(f)) : await featureFiles(join(projectRoot, "features"));
  return Promise.all(
    paths.map(async (path) => {
      const uri = uriOf(projectRoot, path);
      const text = await readFile(path, "utf8");
      const envelopes = generateMessages(text, uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
        includeGherkinDocument: true,
        includePickles: true,
        newId,
      });
      return { uri, path, text, envelopes };
    }),
  );
}
