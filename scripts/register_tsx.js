// TypeScript for this process and the ones it starts: tsx registered here, and through
// NODE_OPTIONS (which child processes inherit) in cucumber's worker processes for --parallel.
// cucumber's own `loader` option cannot carry tsx: tsx refuses to be registered without its own
// data. Used by cucumber.js (plain cucumber-js in a clone) and scripts/from_source.js.
import { register } from "tsx/esm/api";

export function registerTsx() {
  register();
  if (!process.env.NODE_OPTIONS?.includes("--import tsx"))
    process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import tsx`.trim();
}
