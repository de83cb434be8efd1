// The features as cucumber reads them: every feature file parsed to Gherkin messages (pickles,
// parse errors), for check-features and the requirement trace.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { generateMessages } from "@cucumber/gherkin";
import { type Envelope, IdGenerator, SourceMediaType } from "@cucumber/messages";

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

/** Each feature file's path relative to the project, with its Gherkin messages. */
export async function readFeatures(
  projectRoot: string,
): Promise<{ uri: string; envelopes: readonly Envelope[] }[]> {
  const newId = IdGenerator.incrementing();
  const files = await featureFiles(join(projectRoot, "features"));
  return Promise.all(
    files.map(async (file) => {
      const uri = relative(projectRoot, file);
      const text = await readFile(file, "utf8");
      const envelopes = generateMessages(text, uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
        includeGherkinDocument: true,
        includePickles: true,
        newId,
      });
      return { uri, envelopes };
    }),
  );
}
