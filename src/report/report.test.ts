// Verdicts, attribution, and writers that survive hostile text.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  type ConformanceReport,
  computeSuiteDigest,
  countLine,
  renderHtml,
  renderJunit,
  requirementOutcomes,
  runVerdict,
  type ScenarioOutcome,
  writeReports,
} from "./index.ts";
import { sanitizeEntry } from "./sanitize.ts";

function scenario(
  name: string,
  tags: string[],
  status: ScenarioOutcome["status"],
  failure?: string,
): ScenarioOutcome {
  const ids = tags.filter((t) => t.startsWith("@REQ-")).map((t) => t.slice(5));
  const requirementId = failure && /^([A-Z0-9-]+): /.exec(failure)?.[1];
  return {
    name,
    feature: "F",
    location: `features/f.feature:${name.length}`,
    tags,
    requirementIds: ids,
    status,
    durationMs: 1,
    steps: [],
    ...(failure
      ? { failure: { message: failure, ...(requirementId && status === "failed" ? { requirementId } : {}) } }
      : {}),
    exchanges: 0,
  };
}

function verdictOf(scenarios: ScenarioOutcome[], id: string) {
  return requirementOutcomes(scenarios).find((r) => r.id === id)?.verdict;
}

test("a failure counts against the requirement its message names, the others are inconclusive", () => {
  const s = [scenario("a", ["@REQ-S1-REVEAL"], "failed", "SCHEMA: bad answer")];
  assert.equal(verdictOf(s, "SCHEMA"), "failed");
  assert.equal(verdictOf(s, "S1-REVEAL"), "inconclusive");
  assert.equal(verdictOf(s, "S2-FOREIGN"), "untested");
});

test("target errors make the scenario's requirements errors; weights order failed > error > inconclusive > passed", () => {
  const s = [
    scenario("b", ["@REQ-S1-REVEAL"], "error", "TARGET_TIMEOUT: no answer"),
    scenario("c", ["@REQ-S1-REVEAL"], "passed"),
    scenario("d", ["@REQ-S2-FOREIGN", "@REQ-S2-NO-REVEAL"], "failed", "S2-FOREIGN: x"),
    scenario("e", ["@REQ-S2-FOREIGN"], "passed"),
  ];
  assert.equal(verdictOf(s, "S1-REVEAL"), "error");
  assert.equal(verdictOf(s, "S2-FOREIGN"), "failed");
  assert.equal(verdictOf(s, "S2-NO-REVEAL"), "inconclusive");
});

test("run verdicts from the levels", () => {
  const all = (verdict: "passed" | "failed" | "untested", level?: "MUST" | "SHOULD") =>
    requirementOutcomes([]).map((r) => ({
      ...r,
      verdict: level === undefined || r.level === level ? verdict : "passed",
    }));
  assert.equal(runVerdict(all("passed")), "PASS");
  assert.equal(runVerdict(all("failed", "SHOULD")), "PASS_WITH_WARNINGS");
  assert.equal(runVerdict(all("failed", "MUST")), "FAIL");
  assert.equal(runVerdict(all("untested", "MUST")), "INCOMPLETE");
});

const hostile = `<script>alert("x")</script> & \u0000\u0007 \uD800 ok 😀`;

function report(): ConformanceReport {
  const s = scenario(hostile, ["@REQ-S1-REVEAL"], "failed", `S1-REVEAL: ${hostile}`);
  s.transcript = [
    sanitizeEntry({
      seq: 1,
      role: "A",
      method: "auth.signUp",
      layer: 1,
      startedAt: "t",
      durationMs: 1,
      request: {
        url: "u",
        headers: { authorization: `Bearer ${"ab".repeat(32)}` },
        body: '{"phone_code":"11111"}',
      },
      response: { status: 502, headers: {}, bodyText: `${hostile}${"x".repeat(200_000)}` },
    }),
  ];
  const requirements = requirementOutcomes([s]);
  return {
    reportFormat: 1,
    meta: {
      suiteVersion: "1",
      suiteDigest: "d".repeat(64),
      target: hostile,
      targetKind: "external",
      startedAt: "s",
      finishedAt: "f",
      command: "c",
    },
    verdict: runVerdict(requirements),
    totals: { scenarios: 1, passed: 0, failed: 1, errors: 0, skipped: 0 },
    requirements,
    scenarios: [s],
  };
}

test("HTML escapes every target string and keeps no secret", () => {
  const html = renderHtml(report());
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;/);
  assert.doesNotMatch(html, /abababab/);
  assert.doesNotMatch(html, /11111/);
  assert.ok(html.length < 150_000, "a 200 kB body is capped");
});

test("JUnit is well-formed XML 1.0 with the counts", () => {
  const xml = renderJunit(report());
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids must be gone.
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  assert.doesNotMatch(xml, /<script>/);
  assert.match(xml, /<testsuites [^>]*tests="1" failures="1"/);
  const opened = (xml.match(/<testcase /g) ?? []).length;
  const closed = (xml.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length;
  assert.equal(opened, closed);
  assert.match(countLine(report()), /^conformance: 0 passed, 1 failed$/);
});

test("writeReports writes the three files; the digest follows the features", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tlc-report-"));
  const paths = await writeReports(report(), dir);
  assert.equal((JSON.parse(readFileSync(paths.json, "utf8")) as ConformanceReport).reportFormat, 1);
  assert.match(readFileSync(paths.junit, "utf8"), /^<\?xml/);
  const root = join(dir, "project");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(join(root, "features"), { recursive: true });
  writeFileSync(join(root, "features/a.feature"), "Feature: a");
  const first = await computeSuiteDigest(root);
  writeFileSync(join(root, "features/a.feature"), "Feature: b");
  assert.notEqual(await computeSuiteDigest(root), first);
  assert.match(first, /^[0-9a-f]{64}$/);
});
