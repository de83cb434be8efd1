// The built package runs its support code and steps as one bundle (scripts/bundle_suite.ts). It
// must register exactly what the compiled files do: the same step definitions in the same order,
// the same hooks, the same parameter types. A file the bundle left out, or loaded in another
// order, would change the run without any step going undefined (a hook file, for instance).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { distIsCurrent } from "../../scripts/build_inputs.js";
import {
  compiledSupportImports,
  runImports,
  SUITE_BUNDLE,
  supportImports,
} from "../../src/cli/package_root.ts";
import { projectRoot } from "../run_cli.ts";

const summaryOf = (imports: readonly string[]): unknown =>
  JSON.parse(
    execFileSync(process.execPath, ["test/package/support_summary.mjs", ...imports], {
      cwd: projectRoot,
      encoding: "utf8",
    }),
  );

test("the bundle of the support code registers what the compiled files register", (t) => {
  // Only a dist/ built from these sources says anything about them (`npm ci` builds it; CI's is).
  if (!distIsCurrent(projectRoot)) {
    t.skip("dist/ is not a build of these sources: run `npm run build`");
    return;
  }
  const fromFiles = summaryOf(compiledSupportImports) as { steps: string[] };
  const fromBundle = summaryOf([SUITE_BUNDLE]);
  assert.ok(fromFiles.steps.length > 50, `${fromFiles.steps.length} step definitions`);
  assert.deepEqual(fromBundle, fromFiles);
  // From a clone the run imports the files through tsx; the compiled CLI takes the bundle.
  assert.deepEqual(runImports, supportImports);
});
