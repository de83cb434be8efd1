// check-features and steps as a spec-writer calls them: files given on the command line are
// checked alone, each problem is a file:line:column line and the exit code is 1; the catalogue
// prints each step's values.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "./step_catalogue.ts";

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout };
}

test("check-features FILE checks that file only, and says where each problem is", () => {
  const file = join(mkdtempSync(join(tmpdir(), "tlc-cf-")), "bad.feature");
  writeFileSync(
    file,
    "Feature: Bad\n\n  @REQ-S2-FOREIGN @must\n  Scenario: Strangers\n    Given A and B met in a chat made by Z\n",
  );
  const run = cli("check-features", file);
  assert.equal(run.code, 1, run.stdout);
  assert.equal(
    run.stdout,
    `${file}:5:5: undefined step "A and B met in a chat made by Z" (see \`tl-conformance steps\`)\nfeatures: 1 problems\n`,
  );
  const good = cli("check-features", "features/contacts/mutual-contacts.feature");
  assert.equal(good.code, 0, good.stdout);
  assert.equal(good.stdout, "features: all steps defined\n");
});

test("steps lists a step with the values of its parameters", () => {
  const run = cli("steps");
  assert.equal(run.code, 0);
  assert.match(
    run.stdout,
    /\{role\} deletes \{role\} from contacts by \{delete_method\}\n.*\n\s+\{role\}: A, B, C, D, E\n\s+\{delete_method\}: contacts\.deleteContacts, contacts\.deleteContact\n/,
  );
});
