// The explore report: verdicts and exit codes, and a page that escapes everything a hostile
// target could have put in a finding.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ExploreSettings } from "./context.ts";
import type { ExploreResult } from "./explore.ts";
import type { Finding } from "./finding.ts";
import { renderExploreHtml } from "./report_html.ts";
import { buildExploreReport } from "./report_json.ts";
import { exitCodeOf, exploreVerdict } from "./verdict.ts";

const settings: ExploreSettings = {
  target: "http://t.test",
  users: undefined,
  steps: 30,
  seed: 1,
  runs: 10,
  budgetMs: 20_000,
  path: undefined,
  timeoutMs: 10_000,
  shrink: true,
  maxFindings: Number.POSITIVE_INFINITY,
};

const finding = (over: Partial<Finding>): Finding => ({
  key: "S1-REVEAL",
  kind: "requirement",
  level: "MUST",
  message: "S1-REVEAL: B's view of A",
  seed: 1,
  path: "0@:",
  replay: "tl-conformance explore --steps 30 --seed 1 --path '0@:'",
  history: ["A imports B's number"],
  commands: 1,
  shrinks: 0,
  shrinkComplete: true,
  gherkin: "  @REQ-S1-REVEAL @must\n",
  transcript: '{"scenario":"x","exchanges":0,"entries":[]}',
  ...over,
});

const result = (findings: Finding[], ended: ExploreResult["ended"] = "runs"): ExploreResult => ({
  runs: 3,
  shrinks: 2,
  commands: 40,
  calls: 900,
  elapsedMs: 2000,
  findings,
  covered: { import: 3 },
  ended,
});

test("verdicts and exit codes: a fault or an abort 3, a MUST 1, SHOULD only 0 (1 with --strict)", () => {
  const should = finding({ key: "LINK-VALUES", level: "SHOULD" });
  const fault = finding({ key: "TARGET_TIMEOUT", kind: "fault", level: undefined, gherkin: undefined });
  const cases: [ExploreResult, string, number, number][] = [
    [result([]), "PASS", 0, 0],
    [result([should]), "PASS_WITH_WARNINGS", 0, 1],
    [result([should, finding({})]), "FAIL", 1, 1],
    [result([finding({}), fault]), "INCOMPLETE", 3, 3],
    [result([], "aborted"), "INCOMPLETE", 3, 3],
  ];
  for (const [r, verdict, lenient, strict] of cases) {
    const v = exploreVerdict(r);
    assert.equal(v, verdict);
    assert.equal(exitCodeOf(v, false), lenient);
    assert.equal(exitCodeOf(v, true), strict);
  }
});

test("the page escapes what came from the target; the JSON keeps the transcript as JSON", () => {
  const hostile = "<script>alert(1)</script>";
  const transcript = JSON.stringify({
    scenario: "x",
    exchanges: 1,
    entries: [
      {
        seq: 1,
        role: hostile,
        method: "m",
        layer: 1,
        request: { body: hostile },
        response: { status: 200, body: { last_name: hostile } },
      },
    ],
  });
  const report = buildExploreReport(
    result([finding({ message: hostile, gherkin: hostile, path: hostile, transcript })]),
    settings,
    {
      suiteVersion: "0",
      target: hostile,
      targetKind: "external",
      startedAt: "",
      finishedAt: "",
      command: hostile,
    },
  );
  const html = renderExploreHtml(report);
  assert.doesNotMatch(html, /<script>/);
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.equal(report.verdict, "FAIL");
  assert.equal(report.totals.commandsPerSecond, 20);
  assert.equal(report.meta.settings.users, null);
  assert.deepEqual(report.findings[0]?.transcript, JSON.parse(transcript));
});
