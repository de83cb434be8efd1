// junit.xml for a CI's test tab, valid against the Jenkins JUnit schema (test/package's check):
// a testsuite per feature with <properties> naming the verdict, the suite version and digest and
// the feature's file; a testcase per scenario named with its requirement ids. A failed
// requirement is a <failure>, a target fault or harness error an <error>, a listed (expected)
// failure or a scenario not claimed <skipped>, a listed entry that passed a <failure>.
import { wiresOfTags } from "../profile/index.ts";
import { requirement } from "../requirements/index.ts";
import type { ConformanceReport, ScenarioOutcome } from "./model.ts";
import { escapeMarkup as x } from "./xml_text.ts";

const firstLine = (text: string) => text.split("\n", 1)[0] ?? "";

function outcomeElement(s: ScenarioOutcome): string | undefined {
  const message = s.failure?.message ?? "";
  if (s.expectation?.outcome === "expected-fail")
    return `<skipped>${x(`listed as an expected failure: ${s.expectation.reason} (${s.expectation.tracking})\n${message}`)}</skipped>`;
  if (s.expectation?.outcome === "unexpected-pass")
    return `<failure message="${x(`listed as failing, but passed: ${s.expectation.tracking}`)}" type="UNEXPECTED-PASS">${x(s.expectation.reason)}</failure>`;
  if (s.status === "failed") {
    const id = s.failure?.requirementId ?? "FAILED";
    const level = s.failure?.requirementId ? requirement(s.failure.requirementId).level : "MUST";
    const prefix = level === "SHOULD" ? "SHOULD (a warning): " : "";
    return `<failure message="${x(prefix + firstLine(message))}" type="${x(id)}">${x(message)}</failure>`;
  }
  if (s.status === "target-fault" || s.status === "harness-error") {
    const type = s.failure?.code ?? (s.status === "target-fault" ? "TARGET_FAULT" : "HARNESS_ERROR");
    return `<error message="${x(firstLine(message))}" type="${x(type)}">${x(message)}</error>`;
  }
  if (s.status === "skipped") return "<skipped>skipped</skipped>";
  if (s.status === "not-claimed")
    return `<skipped>${x(`not claimed: needs ${s.needs.join(", ")}`)}</skipped>`;
  if (s.status === "not-applicable")
    return `<skipped>${x(`not applicable on this wire: written for ${wiresOfTags(s.tags).wires.join(", ")}`)}</skipped>`;
  return undefined;
}

function testcase(s: ScenarioOutcome): string {
  const ids = s.requirementIds.length > 0 ? `[${s.requirementIds.join(" ")}] ` : "";
  const open = `    <testcase name="${x(`${ids}${s.name}`)}" classname="${x(s.feature)}" time="${(s.durationMs / 1000).toFixed(3)}">`;
  const element = outcomeElement(s);
  return [
    open,
    ...(element ? [`      ${element}`] : []),
    `      <system-out>${x(s.location)}</system-out>`,
    "    </testcase>",
  ].join("\n");
}

const kind = (s: ScenarioOutcome) => {
  const e = outcomeElement(s);
  return e?.startsWith("<failure")
    ? "failure"
    : e?.startsWith("<error")
      ? "error"
      : e?.startsWith("<skipped")
        ? "skipped"
        : "pass";
};

function properties(report: ConformanceReport, file: string): string {
  const m = report.meta;
  const entries: [string, string][] = [
    ["verdict", report.verdict],
    ["verdictLine", report.verdictLine],
    ["ciOutcome", report.ci.outcome],
    ["suiteVersion", m.suiteVersion],
    ["suiteDigest", m.suiteDigest],
    ["target", m.target],
    ["file", file],
  ];
  return [
    "    <properties>",
    ...entries.map(([k, v]) => `      <property name="${k}" value="${x(v)}"/>`),
    "    </properties>",
  ].join("\n");
}

/** A run that stopped before its scenarios, or had none, still shows up in the test tab. */
function runSuite(report: ConformanceReport): string | undefined {
  if (!report.interruption && report.scenarios.length > 0) return undefined;
  const reason = report.interruption?.reason ?? report.verdictLine;
  const faulted = report.interruption?.kind === "unreachable" || report.interruption?.kind === "harness";
  const element = faulted
    ? `<error message="${x(firstLine(reason))}" type="${x(report.verdict)}">${x(report.verdictLine)}</error>`
    : `<skipped>${x(report.verdictLine)}</skipped>`;
  return [
    `  <testsuite name="tl-conformance run" tests="1" failures="0" errors="${faulted ? 1 : 0}" skipped="${faulted ? 0 : 1}" time="0.000">`,
    properties(report, "-"),
    `    <testcase name="the run" classname="tl-conformance" time="0.000">`,
    `      ${element}`,
    "    </testcase>",
    "  </testsuite>",
  ].join("\n");
}

export function renderJunit(report: ConformanceReport): string {
  const byFeature = new Map<string, ScenarioOutcome[]>();
  for (const s of report.scenarios) {
    const file = s.location.replace(/:\d+$/, "");
    byFeature.set(file, [...(byFeature.get(file) ?? []), s]);
  }
  let failures = 0;
  let errors = 0;
  const suites = [...byFeature].map(([file, list]) => {
    const kinds = list.map(kind);
    const count = (k: string) => kinds.filter((c) => c === k).length;
    failures += count("failure");
    errors += count("error");
    const time = list.reduce((t, s) => t + s.durationMs, 0) / 1000;
    const name = list[0]?.feature ?? file;
    return [
      `  <testsuite name="${x(name)}" tests="${list.length}" failures="${count("failure")}" errors="${count("error")}" skipped="${count("skipped")}" time="${time.toFixed(3)}">`,
      properties(report, file),
      ...list.map(testcase),
      "  </testsuite>",
    ].join("\n");
  });
  const run = runSuite(report);
  if (run?.includes("<error ")) errors += 1;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`tl-conformance ${report.meta.suiteVersion} against ${report.meta.target}`)}" tests="${report.scenarios.length + (run ? 1 : 0)}" failures="${failures}" errors="${errors}">`,
    ...(run ? [run] : []),
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
