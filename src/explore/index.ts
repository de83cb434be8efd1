// Model-based exploration (docs/explore.md): random histories against a target, compared with the
// link model after every command, failures shrunk and printed as scenarios of the suite.
export { countLine, describeFinding, progressWriter } from "./console.ts";
export type { ExploreProgress, ExploreSettings } from "./context.ts";
export { type ExploreHooks, type ExploreResult, explore } from "./explore.ts";
export type { Finding } from "./finding.ts";
export { DEFAULTS, type ExploreCommandOptions, exploreSettings } from "./options.ts";
export {
  buildExploreReport,
  commandsPerSecond,
  type ExploreMeta,
  type ExploreReport,
} from "./report_json.ts";
export { EXIT_TARGET_FAULT, type ExploreVerdict, exitCodeOf, exploreVerdict } from "./verdict.ts";
export { writeExploreReport } from "./write_report.ts";
