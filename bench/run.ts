// `npm run bench`: every benchmark in its own fresh process, one after the other, so a cold
// measurement is really cold and one benchmark's garbage never lands in another's numbers.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BENCHMARKS = [
  "tl.ts",
  "codec.ts",
  "server.ts",
  "mtproto.ts",
  "abuse.ts",
  "history.ts",
  "soak.ts",
  "client.ts",
  "conformance.ts",
  "explore.ts",
  "remote.ts",
];

const only = process.argv.slice(2);
const selected = only.length > 0 ? BENCHMARKS.filter((b) => only.some((o) => b.startsWith(o))) : BENCHMARKS;
let failed = 0;
for (const file of selected) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) continue;
  process.stdout.write(`\n== bench/${file}\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path], { stdio: "inherit" });
  if (run.status !== 0) {
    failed += 1;
    process.stdout.write(`bench/${file} exited with ${run.status ?? run.signal}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
