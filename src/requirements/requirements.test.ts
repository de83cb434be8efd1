// docs/semantics.md's table and the registry name the same requirements with the same levels, in
// the same order: the reading and the code cannot drift apart.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { REQUIREMENTS } from "./index.ts";

test("docs/semantics.md's requirement table has the registry's ids and levels, in order", () => {
  const text = readFileSync(new URL("../../docs/semantics.md", import.meta.url), "utf8");
  const rows = [...text.matchAll(/^\| ([A-Z0-9-]+) \| (MUST|SHOULD) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(
    rows,
    REQUIREMENTS.map((r) => `${r.id} ${r.level}`),
  );
});
