// The package as a vendor installs it: `npm pack` (which builds dist/), `npm install` of the
// tarball into an empty folder, then `npx tl-conformance run` against a server, in one process
// and with --parallel 2 (cucumber's workers must load the compiled JavaScript: there is no
// TypeScript loader in an installed package). The digest it reports is the clone's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { distIsCurrent } from "../../scripts/build_inputs.js";
import { computeSuiteDigest } from "../../src/report/index.ts";
import { startServer } from "../../src/server/index.ts";
import { readReport } from "../reports.ts";
import { lastLines, projectRoot, runCli } from "../run_cli.ts";

test("the packed tarball installs into an empty folder and certifies a server, also with --parallel 2", async () => {
  const work = mkdtempSync(join(tmpdir(), "tlc-package-"));
  // A dist/ built from exactly these sources (as `npm ci` leaves it) is packed as it is; any
  // other is rebuilt by npm pack's prepack, as a release would be.
  const current = distIsCurrent(projectRoot);
  const tarball = execFileSync(
    "npm",
    ["pack", "--silent", ...(current ? ["--ignore-scripts"] : []), "--pack-destination", work],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  )
    .trim()
    .split("\n")
    .at(-1) as string;
  const files = execFileSync("tar", ["-tzf", join(work, tarball)], { encoding: "utf8" }).split("\n");
  for (const needed of [
    "package/bin/tl-conformance.js",
    "package/dist/src/cli/main.js",
    "package/dist/steps/views.js",
    "package/dist/bundle/suite.js",
    "package/features/errors/bad-input.feature",
    "package/schema/layer3.tl",
    "package/docs/profile.schema.json",
  ])
    assert.ok(files.includes(needed), `the tarball holds ${needed}`);
  assert.deepEqual(
    files.filter((f) => f.endsWith(".test.ts") || f.startsWith("package/test/")),
    [],
    "no tests are shipped",
  );
  const app = join(work, "vendor-ci");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), '{ "name": "vendor-ci", "private": true }\n');
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(work, tarball)], {
    cwd: app,
    stdio: "pipe",
  });
  const server = await startServer();
  try {
    const npx = { command: ["npx", "--no-install", "tl-conformance"], cwd: app };
    const version = await runCli(["--version"], npx);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    for (const extra of [[], ["--parallel", "2"]]) {
      const reports = join(app, `reports-${extra.length}`);
      // Layer-1 claims keep the two whole runs short: a claim, not a subset, so it certifies.
      const claims = ["--claim-layers", "1", "--claim-features", "none"];
      const run = await runCli(
        ["run", "--target", server.url, ...claims, "--reports", reports, ...extra],
        npx,
      );
      assert.equal(run.code, 0, `${extra.join(" ")}: ${run.stderr.slice(-3000)}`);
      assert.doesNotMatch(run.stderr, /ERR_UNKNOWN_FILE_EXTENSION/);
      const report = readReport(reports);
      assert.equal(report.verdict, "CERTIFIED");
      assert.equal(report.meta.provenance?.runtime, "compiled");
      const { passed, notClaimed, notApplicable } = report.totals;
      assert.equal(
        lastLines(run).count,
        `conformance: ${passed} passed, 0 failed, ${notClaimed + notApplicable} skipped`,
      );
      assert.ok(passed > 50);
      assert.equal(
        report.meta.suiteDigest,
        await computeSuiteDigest(projectRoot),
        "the package's digest is the clone's",
      );
    }
  } finally {
    await server.close();
  }
});
