// A profile or expected-failures file as data: YAML 1.2, of which JSON is a subset, so one parser
// reads both. Bounded: a file over 1 MiB is refused unread, and YAML aliases are capped, so a
// hostile file (a billion laughs) costs nothing.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { ProfileError } from "./types.ts";

// Loaded on first use: most runs read no profile.
let yaml: typeof import("yaml") | undefined;
const loadYaml = () => {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yaml;
};

const MAX_BYTES = 1024 * 1024;

export function readDocument(path: string): unknown {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_BYTES)
      throw new ProfileError(`${path}: ${size} bytes, more than the 1 MiB a profile may have`);
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    throw new ProfileError(
      `${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const { parse, YAMLError } = loadYaml();
  try {
    return parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    // A syntax error, or yaml's own refusal of an alias bomb (a plain Error).
    const at = error instanceof YAMLError ? error.linePos?.[0] : undefined;
    const where = at ? `${path}:${at.line}:${at.col}` : path;
    const message = error instanceof Error ? error.message : String(error);
    throw new ProfileError(`${where}: not YAML or JSON: ${message.split("\n", 1)[0]}`);
  }
}
