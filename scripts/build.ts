// `npm run build`: the compiled package in dist/. Node runs dist/ without a TypeScript loader,
// so cucumber's worker processes (which inherit no in-process hook) load it as they load any
// JavaScript. src/tl finds the TL files beside its own modules (../../schema from src/tl/), so
// the build copies schema/ to dist/schema as well, and the generated validators beside src/tl.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_INPUTS_FILE, buildInputsDigest } from "./build_inputs.js";
import { bundleSuite } from "./bundle_suite.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (compiled.status !== 0) {
  process.stderr.write("build: tsc failed\n");
  process.exit(compiled.status ?? 1);
}
cpSync(join(root, "schema"), join(dist, "schema"), { recursive: true });
// tsc copies no .cjs: the validators generated at build time (src/tl/precompiled.ts) go beside
// the compiled module that loads them, or every run would compile them again.
cpSync(join(root, "src/tl/generated"), join(dist, "src/tl/generated"), { recursive: true });
await bundleSuite(root);
writeFileSync(join(root, BUILD_INPUTS_FILE), `${buildInputsDigest(root)}\n`);
