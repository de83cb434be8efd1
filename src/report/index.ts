// Reports: the model built from cucumber's message stream, verdicts, and the HTML/JSON/JUnit files.
export * from "./attachments.ts";
export { buildReport } from "./build_report.ts";
export type * from "./model.ts";
export { computeSuiteDigest } from "./suite_digest.ts";
export { countLine, formatSummary } from "./summary.ts";
export { failedRequirements, requirementOutcomes, runVerdict, warnedRequirements } from "./verdicts.ts";
export { renderHtml } from "./write_html.ts";
export { renderJunit } from "./write_junit.ts";
export { writeReports } from "./write_reports.ts";
