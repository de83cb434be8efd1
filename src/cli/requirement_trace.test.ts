import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { renderTrace } from "./requirement_trace.ts";
import { projectRoot } from "./step_catalogue.ts";

test("docs/requirements.md is current (run `npm run generate`) and covers every requirement", async () => {
  const rendered = await renderTrace(projectRoot);
  assert.equal(readFileSync(join(projectRoot, "docs/requirements.md"), "utf8"), rendered);
  assert.doesNotMatch(rendered, /\| \*\*none\*\* \|/, "a requirement no scenario checks");
});
