// scripts/from_source.js, which `npm run conformance` starts: it runs dist/ only while dist/ is a
// build of the sources as they are (the digest the build wrote), so an edit is never run stale;
// and from a clone it starts the CLI either way.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { BUILD_INPUTS_FILE, buildInputsDigest, distIsCurrent } from "../../scripts/build_inputs.js";
import { projectRoot } from "../run_cli.ts";

/** A folder with every input of the build, one small file each. */
function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), "tlc-inputs-"));
  for (const dir of ["src", "steps", "support", "schema"]) {
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, "a.ts"), `// ${dir}\n`);
  }
  for (const file of ["tsconfig.json", "tsconfig.build.json", "package.json"])
    writeFileSync(join(root, file), "{}");
  return root;
}

test("dist/ counts as current exactly while its recorded digest is the sources' digest", () => {
  const root = fakeProject();
  try {
    assert.equal(distIsCurrent(root), false, "never built");
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, BUILD_INPUTS_FILE), `${buildInputsDigest(root)}\n`);
    assert.equal(distIsCurrent(root), true, "just built");
    writeFileSync(join(root, "steps", "a.ts"), "// edited\n");
    assert.equal(distIsCurrent(root), false, "a step edited after the build");
    writeFileSync(join(root, BUILD_INPUTS_FILE), `${buildInputsDigest(root)}\n`);
    writeFileSync(join(root, "src", "b.ts"), "// new\n");
    assert.equal(distIsCurrent(root), false, "a source added after the build");
    writeFileSync(join(root, BUILD_INPUTS_FILE), `${buildInputsDigest(root)}\n`);
    writeFileSync(join(root, "features.feature"), "Feature: not an input\n");
    assert.equal(distIsCurrent(root), true, "features are read at run time, not built");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("from a clone, scripts/from_source.js starts the CLI", () => {
  const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
    version: string;
  };
  const printed = execFileSync(process.execPath, ["scripts/from_source.js", "--version"], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  assert.match(printed, new RegExp(version.replaceAll(".", "\\.")));
});
