// junit.xml for a CI's test tab: a testsuite per feature, a testcase per scenario, named with its
// requirement ids so a red row says which requirement broke.
import type { ConformanceReport, ScenarioOutcome } from "./model.ts";
import { escapeMarkup as x } from "./xml_text.ts";

function testcase(s: ScenarioOutcome): string {
  const ids = s.requirementIds.length > 0 ? `[${s.requirementIds.join(" ")}] ` : "";
  const open = `    <testcase classname="${x(s.feature)}" name="${x(`${ids}${s.name}`)}" file="${x(s.location)}" time="${(s.durationMs / 1000).toFixed(3)}"`;
  const message = s.failure?.message ?? "";
  const firstLine = message.split("\n", 1)[0] ?? "";
  if (s.status === "failed")
    return `${open}>\n      <failure message="${x(firstLine)}" type="${x(s.failure?.requirementId ?? "FAILED")}">${x(message)}</failure>\n    </testcase>`;
  if (s.status === "error")
    return `${open}>\n      <error message="${x(firstLine)}" type="ERROR">${x(message)}</error>\n    </testcase>`;
  if (s.status === "skipped") return `${open}>\n      <skipped/>\n    </testcase>`;
  return `${open}/>`;
}

export function renderJunit(report: ConformanceReport): string {
  const byFeature = new Map<string, ScenarioOutcome[]>();
  for (const s of report.scenarios) byFeature.set(s.feature, [...(byFeature.get(s.feature) ?? []), s]);
  const suites = [...byFeature].map(([feature, list]) => {
    const count = (status: string) => list.filter((s) => s.status === status).length;
    const time = list.reduce((t, s) => t + s.durationMs, 0) / 1000;
    return [
      `  <testsuite name="${x(feature)}" tests="${list.length}" failures="${count("failed")}" errors="${count("error")}" skipped="${count("skipped")}" time="${time.toFixed(3)}">`,
      ...list.map(testcase),
      "  </testsuite>",
    ].join("\n");
  });
  const t = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tl-conformance ${x(report.meta.suiteVersion)} against ${x(report.meta.target)}" tests="${t.scenarios}" failures="${t.failed}" errors="${t.errors}" skipped="${t.skipped}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
