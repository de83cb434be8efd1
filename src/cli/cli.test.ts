// The command line as a CI script sees it: exit codes 0/1/2, one-line errors, no stack traces.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("tl check: counts on success, the line on a mismatch, exit 2 on a missing or garbage file", () => {
  const ok = cli("tl", "check", "schema/layer3.tl");
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /schema\/layer3\.tl: \d+ declarations, \d+ ids checked, 0 mismatches/);
  const dir = mkdtempSync(join(tmpdir(), "tlc-cli-"));
  writeFileSync(join(dir, "bad.tl"), "boolFalse#bc799737 = Bool;\nboolTrue#12345678 = Bool;\n");
  const bad = cli("tl", "check", join(dir, "bad.tl"));
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /bad\.tl:2: boolTrue: explicit #12345678 != computed #997275b5/);
  for (const args of [
    ["tl", "check", join(dir, "missing.tl")],
    ["tl", "check", join(root, "README.md")],
  ]) {
    const run = cli(...args);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr.trim().split("\n").length, 1, `one line: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
});

test("schema prints a standalone schema; bad options exit 2", () => {
  const schema = cli("schema", "--layer", "3", "--type", "messages.SentMessage");
  assert.equal(schema.code, 0);
  const parsed = JSON.parse(schema.stdout) as { $ref: string; $defs: Record<string, unknown> };
  assert.equal(parsed.$ref, "#/$defs/type:messages.SentMessage");
  assert.ok("ctor:messages.sentMessageLink" in parsed.$defs && "type:User" in parsed.$defs);
  assert.equal(cli("schema", "--layer", "9").code, 2);
  assert.equal(cli("schema", "--layer", "1", "--type", "messages.sentMessageLink").code, 2);
  assert.equal(cli("run", "--parallel", "x").code, 2);
});

test("the features have the pretty-printer's layout", () => {
  const run = cli("format-features", "--check");
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, /features: 0 files not formatted/);
});

test("check-features passes on the project's features", () => {
  const run = cli("check-features");
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, /all steps defined, all requirements covered/);
});

test("a run with two worker processes passes and writes its reports", () => {
  const dir = mkdtempSync(join(tmpdir(), "tlc-parallel-"));
  const run = cli(
    "run",
    "--parallel",
    "2",
    "--tags",
    "@REQ-S2-FOREIGN or @REQ-S1-NO-EARLY-REVEAL",
    "--reports",
    dir,
  );
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^conformance: 9 passed, 0 failed$/m);
  assert.match(readFileSync(join(dir, "junit.xml"), "utf8"), /tests="9"/);
});
