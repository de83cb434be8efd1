// Where a report was made: the Node version, the operating system, and whether the suite ran as
// the built package or from its TypeScript sources.
import { arch, platform, release } from "node:os";
import type { Provenance } from "./model.ts";

export function currentProvenance(): Provenance {
  return {
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    runtime: import.meta.url.endsWith(".js") ? "compiled" : "source",
  };
}
