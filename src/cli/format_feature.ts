// The one layout for feature files: cucumber's own pretty-printer (gherkin-utils), so a diff of
// a spec-writer's edit shows the edit and not re-aligned tables.
import { readFile } from "node:fs/promises";
import { generateMessages } from "@cucumber/gherkin";
import { pretty } from "@cucumber/gherkin-utils";
import { IdGenerator, SourceMediaType } from "@cucumber/messages";

/** The formatted text, or undefined when the text does not parse (check-features says why). */
export function formatFeature(text: string, uri: string): string | undefined {
  const envelopes = generateMessages(text, uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
    includeGherkinDocument: true,
    newId: IdGenerator.incrementing(),
  });
  if (envelopes.some((e) => e.parseError)) return undefined;
  const document = envelopes.find((e) => e.gherkinDocument)?.gherkinDocument;
  return document ? pretty(document, "gherkin") : undefined;
}

/** Whether a feature file already has the layout formatFeature gives it. */
export async function isFormatted(path: string, uri: string): Promise<boolean> {
  const text = await readFile(path, "utf8");
  const formatted = formatFeature(text, uri);
  return formatted === undefined || formatted === text;
}
