#!/usr/bin/env node
// The installed entry point runs the compiled CLI in dist/ (`npm run build`, run by prepack and
// prepare), so neither the CLI nor cucumber's worker processes need a TypeScript loader.
try {
  await import("../dist/src/cli/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/src/cli/main.js"))
    throw error;
  process.stderr.write("tl-conformance: the package is not built: run `npm run build` in it\n");
  process.exitCode = 2;
}
