// Reports: the model built from cucumber's message stream, verdicts, the CI outcome, and the
// HTML/JSON/JUnit/Markdown files.
export * from "./attachments.ts";
export { buildReport, type NotClaimedScenario, type ReportContext } from "./build_report.ts";
export type * from "./model.ts";
export { REPORT_SCHEMA } from "./report_schema.ts";
export { verdictText } from "./run_verdict.ts";
export { type ScenarioIdentity, scenarioIdentity } from "./scenario_identity.ts";
export { computeSuiteDigest } from "./suite_digest.ts";
export { countLine, formatSummary, verdictLine } from "./summary.ts";
export { failedRequirements, requirementOutcomes, warnedRequirements } from "./verdicts.ts";
export { renderHtml } from "./write_html.ts";
export { renderJunit } from "./write_junit.ts";
export { markdownCell, renderMarkdown } from "./write_markdown.ts";
export { type ReportPaths, ReportsFolder, ReportsFolderError, writeReports } from "./write_reports.ts";
