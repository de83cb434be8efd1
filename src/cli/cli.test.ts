// The command line as a CI script sees it: exit codes, one-line errors, no stack traces, the
// version, init, the default worker count, and cucumber-js itself in the repo.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readReport } from "../../test/reports.ts";
import { loadProfile } from "../profile/index.ts";
import { SETTINGS } from "../profile/settings.ts";
import { defaultWorkers } from "./parallel_default.ts";
import { buildProgram } from "./program.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CONFORMANCE_TARGET: "", GITHUB_STEP_SUMMARY: "" },
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

test("a run with two worker processes passes its scenarios; a subset is INCOMPLETE, exit 3", () => {
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
  assert.equal(run.code, 3, run.stderr);
  const [, chosen] = /^verdict: INCOMPLETE: a subset: (\d+) of \d+ scenarios/m.exec(run.stdout) ?? [];
  assert.ok(Number(chosen) >= 2, `a subset of several scenarios:\n${run.stdout}`);
  assert.match(run.stdout, new RegExp(`\nconformance: ${chosen} passed, 0 failed\n$`));
  assert.equal(readReport(dir).totals.passed, Number(chosen));
});

test("--version prints the package's version", () => {
  const run = cli("--version");
  assert.equal(run.code, 0);
  assert.equal(
    run.stdout.trim(),
    (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version,
  );
});

test("init writes a commented starter profile that loads, without asking when there is no terminal", () => {
  const file = join(mkdtempSync(join(tmpdir(), "tlc-init-")), "tl-conformance.yaml");
  const run = cli("init", "--target", "https://staging.example", "--output", file);
  assert.equal(run.code, 0, run.stderr);
  const text = readFileSync(file, "utf8");
  assert.match(text, /^target: "https:\/\/staging\.example"$/m);
  assert.match(text, /^# {3}X-Gateway-Key: \$\{GATEWAY_KEY\}$/m);
  assert.equal(loadProfile(file, {}).target, "https://staging.example");
  assert.equal(cli("init", "--output", file).code, 2, "an existing file is kept");
  const forced = cli("init", "--output", file, "--force");
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(loadProfile(file, {}).target, "http://127.0.0.1:8080");
});

test("parallel by default for a remote target, past the cores; one process on loopback", () => {
  assert.equal(defaultWorkers(undefined, 64, 2), 0);
  assert.equal(defaultWorkers("http://127.0.0.1:8080", 64, 2), 0);
  assert.equal(defaultWorkers("http://localhost:8080", 64, 2), 0);
  assert.equal(defaultWorkers("http://[::1]:8080", 64, 2), 0);
  assert.equal(defaultWorkers("https://staging.example", 64, 2), 16);
  assert.equal(defaultWorkers("https://staging.example", 64, 16), 16);
  assert.equal(defaultWorkers("https://staging.example", 3, 2), 3);
  assert.equal(defaultWorkers("https://staging.example", 64, 1), 8);
});

test("plain cucumber-js runs the suite in the repo, with its own formatters, also in parallel", () => {
  for (const args of [
    ["--tags", "@REQ-S2-FOREIGN"],
    ["-p", "parallel", "--tags", "@REQ-S2-FOREIGN or @REQ-S1-NO-EARLY-REVEAL"],
  ]) {
    const run = spawnSync("npx", ["cucumber-js", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CONFORMANCE_TARGET: "" },
    });
    assert.equal(run.status, 0, `${args.join(" ")}: ${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /\n(\d+) scenarios? \(\1 passed\)\n/);
  }
});

test("README names every command and every flag; docs/profile.md every setting's flag, variable and field", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const commands = buildProgram().commands.flatMap((c) => [c, ...c.commands]);
  for (const command of commands) {
    assert.match(
      readme,
      new RegExp(`tl-conformance (tl )?${command.name()}\\b`),
      `README lists ${command.name()}`,
    );
    for (const option of command.options)
      if (option.long) assert.ok(readme.includes(option.long), `README lists ${option.long}`);
  }
  const profileDoc = readFileSync(join(root, "docs/profile.md"), "utf8");
  for (const s of SETTINGS)
    for (const name of [s.flag, s.env, s.profilePath])
      if (name) assert.ok(profileDoc.includes(`\`${name}`), `docs/profile.md lists ${name}`);
});
