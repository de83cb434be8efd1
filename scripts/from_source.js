// The CLI as the npm scripts of a clone run it (`npm run conformance`, `conformance:mtproto`,
// `server`): the compiled CLI in dist/ while dist/ is a build of the sources as they are now
// (dist/build-inputs.txt, written by scripts/build.ts, which `npm ci` runs), else the sources
// themselves through tsx. Both run the same code; the compiled one starts sooner, because neither
// this process nor cucumber's worker processes load a TypeScript loader (docs/performance.md,
// "Cold run"). An edit under src/, steps/, support/ or schema/ makes dist/ stale, so the edited
// sources run at once, with no build step to remember. Features are read from features/ either
// way. Plain JavaScript: it decides before tsx is in the process. Checking costs ~20 ms (a digest
// of 3.4 MB of sources).
import { fileURLToPath } from "node:url";
import { distIsCurrent } from "./build_inputs.js";

const root = fileURLToPath(new URL("..", import.meta.url));

if (distIsCurrent(root)) {
  await import("../dist/src/cli/main.js");
} else {
  // Loaded only here: a compiled run loads no TypeScript loader at all.
  const { registerTsx } = await import("./register_tsx.js");
  registerTsx();
  await import("../src/cli/main.ts");
}
