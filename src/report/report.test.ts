// From cucumber's messages to verdicts and exit codes: classification by exception type and
// attachment (never by message text), each run verdict, expected failures, claims.
import assert from "node:assert/strict";
import { test } from "node:test";
import { envelopesOf, type FakeScenario } from "../../test/envelopes.ts";
import { validReport } from "../../test/reports.ts";
import { REQUIREMENTS } from "../requirements/index.ts";
import {
  buildReport,
  type ConformanceReport,
  countLine,
  FAILURE_MEDIA_TYPE,
  FAULT_MEDIA_TYPE,
  type ReportContext,
  TRANSCRIPT_MEDIA_TYPE,
} from "./index.ts";

const META = {
  suiteVersion: "1",
  suiteDigest: "d".repeat(64),
  target: "http://127.0.0.1:1",
  targetKind: "external" as const,
  startedAt: "s",
  finishedAt: "f",
  command: "c",
};

const failure = (requirement: string) => ({
  mediaType: FAILURE_MEDIA_TYPE,
  body: JSON.stringify({
    requirement,
    subject: "B's view of A",
    expected: "userRequest",
    actual: "userForeign",
    pointer: "/0",
  }),
});

const requirementFailure = (requirement: string): FakeScenario => ({
  name: `fails ${requirement}`,
  tags: [`@REQ-${requirement}`],
  steps: [
    { text: "Given a thing" },
    {
      text: "Then it fails",
      status: "FAILED",
      exceptionType: "RequirementFailure",
      message: `${requirement}: text`,
    },
    { text: "And more", status: "SKIPPED" },
  ],
  attachments: [failure(requirement)],
});

const targetFault = (code: string): FakeScenario => ({
  name: `faults ${code}`,
  tags: ["@REQ-S2-FOREIGN"],
  steps: [
    { text: "Given a thing", status: "FAILED", exceptionType: "TargetError", message: `${code}: no answer` },
  ],
  attachments: [
    { mediaType: FAULT_MEDIA_TYPE, body: JSON.stringify({ code, message: `${code}: no answer` }) },
  ],
});

/** One passing scenario per requirement: the whole suite, passing. */
const allPassing = (): FakeScenario[] =>
  REQUIREMENTS.map((r) => ({
    name: `checks ${r.id}`,
    tags: [`@REQ-${r.id}`],
    steps: [{ text: "Then it holds" }],
  }));

function report(scenarios: FakeScenario[], context: ReportContext = {}): ConformanceReport {
  return validReport(buildReport(envelopesOf(scenarios), META, context));
}

const should = REQUIREMENTS.find((r) => r.level === "SHOULD")?.id ?? "";

test("a failure is read from its exception type and attachment, not from its message", () => {
  const [failed] = report([requirementFailure("S1-REVEAL")]).scenarios;
  assert.equal(failed?.status, "failed");
  assert.deepEqual(
    { ...failed?.failure, message: undefined },
    {
      kind: "requirement",
      message: undefined,
      step: "Then it fails",
      requirementId: "S1-REVEAL",
      subject: "B's view of A",
      expected: "userRequest",
      actual: "userForeign",
      pointer: "/0",
    },
  );
  // The same text thrown as a plain Error is the harness's fault, whatever its message says.
  const plain = requirementFailure("S1-REVEAL");
  plain.steps[1] = { ...plain.steps[1], text: "Then it fails", status: "FAILED", exceptionType: "Error" };
  assert.equal(report([plain]).scenarios[0]?.status, "harness-error");
  // A RequirementFailure without its attachment cannot be attributed: a harness error, said so.
  const bare = { ...requirementFailure("S1-REVEAL"), attachments: [] };
  assert.equal(report([bare]).scenarios[0]?.failure?.code, "HARNESS_NO_FAILURE_DETAIL");
  const fault = report([targetFault("TARGET_TIMEOUT")]).scenarios[0];
  assert.equal(fault?.status, "target-fault");
  assert.equal(fault?.failure?.code, "TARGET_TIMEOUT");
  const undefinedStep = {
    name: "u",
    tags: ["@REQ-S2-FOREIGN"],
    steps: [{ text: "x", status: "UNDEFINED" as const }],
  };
  assert.equal(report([undefinedStep]).scenarios[0]?.status, "harness-error");
});

test("verdicts: each outcome of a run, with its exit code", () => {
  const cases: [string, FakeScenario[], ReportContext, string, number][] = [
    ["every requirement passes", allPassing(), {}, "CERTIFIED", 0],
    ["a SHOULD fails", [...allPassing(), requirementFailure(should)], {}, "CERTIFIED_WITH_WARNINGS", 0],
    [
      "a SHOULD fails, --strict",
      [...allPassing(), requirementFailure(should)],
      { strict: true },
      "CERTIFIED_WITH_WARNINGS",
      1,
    ],
    ["a MUST fails", [...allPassing(), requirementFailure("S1-REVEAL")], {}, "NOT_CERTIFIED", 1],
    ["the target faults", [...allPassing(), targetFault("TARGET_NOT_JSON")], {}, "ERROR", 3],
    [
      "a MUST fails and the target faults",
      [...allPassing(), requirementFailure("S1-REVEAL"), targetFault("TARGET_RESET")],
      {},
      "NOT_CERTIFIED",
      1,
    ],
    ["a MUST is untested", allPassing().slice(1), {}, "INCOMPLETE", 3],
    ["no scenario ran", [], {}, "INCOMPLETE", 3],
    ["a subset", allPassing(), { selection: { tags: "@x", selected: 3, total: 64 } }, "INCOMPLETE", 3],
    [
      "aborted",
      allPassing(),
      { interruption: { kind: "aborted", reason: "stopped by SIGTERM" } },
      "INCOMPLETE",
      3,
    ],
    [
      "unreachable",
      [],
      { interruption: { kind: "unreachable", reason: "TARGET_UNREACHABLE: x" } },
      "ERROR",
      3,
    ],
    [
      "a usage error",
      [],
      { interruption: { kind: "usage", reason: "--tags x matches no scenario" } },
      "INCOMPLETE",
      2,
    ],
    ["the harness failed", allPassing(), { interruption: { kind: "harness", reason: "boom" } }, "ERROR", 2],
  ];
  for (const [what, scenarios, context, verdict, exit] of cases) {
    const r = report(scenarios, context);
    assert.equal(r.verdict, verdict, `${what}: ${r.verdictLine}`);
    assert.equal(r.ci.exitCode, exit, `${what}: ${r.ci.summary}`);
  }
});

test("target faults are counted apart from failures; the count line keeps its words", () => {
  const r = report([
    ...allPassing(),
    requirementFailure("S1-REVEAL"),
    targetFault("TARGET_TIMEOUT"),
    targetFault("TARGET_TIMEOUT"),
  ]);
  assert.equal(r.totals.failed, 1);
  assert.equal(r.totals.targetFaults, 2);
  assert.match(r.reasons.join("\n"), /the target faulted in 2 scenarios \(TARGET_TIMEOUT ×2\)/);
  assert.equal(countLine(r), `conformance: ${REQUIREMENTS.length} passed, 3 failed`);
});

test("expected failures: a listed failure passes the CI outcome, not the certification; a listed pass fails it", () => {
  const entry = { requirement: "S1-REVEAL", reason: "known", tracking: "https://tracker.example/1" };
  const listed = report([...allPassing(), requirementFailure("S1-REVEAL")], { expectedFailures: [entry] });
  assert.equal(listed.verdict, "NOT_CERTIFIED");
  assert.equal(listed.ci.outcome, "pass");
  assert.equal(listed.ci.exitCode, 0);
  assert.match(listed.ci.summary, /stays NOT CERTIFIED/);
  assert.equal(listed.expectedFailures[0]?.outcome, "expected-fail");
  assert.deepEqual(listed.requirements.find((r) => r.id === "S1-REVEAL")?.expected, {
    reason: "known",
    tracking: entry.tracking,
  });
  const passing = report(allPassing(), { expectedFailures: [entry] });
  assert.equal(passing.expectedFailures[0]?.outcome, "unexpected-pass");
  assert.equal(passing.ci.exitCode, 1);
  assert.equal(passing.verdict, "CERTIFIED");
  const other = report([...allPassing(), requirementFailure("S2-FOREIGN")], { expectedFailures: [entry] });
  assert.equal(other.ci.exitCode, 1, "a failure the list does not name still fails the run");
  const byName = { ...entry, scenario: "no such scenario" };
  assert.equal(report(allPassing(), { expectedFailures: [byName] }).expectedFailures[0]?.outcome, "not-run");
});

test("claims: scenarios needing what is not claimed are NOT CLAIMED, and the verdict says what was certified", () => {
  const l3 = REQUIREMENTS.filter((r) => r.id.startsWith("L3-")).map((r) => r.id);
  const claimed = allPassing().filter((s) => !l3.some((id) => s.tags.includes(`@REQ-${id}`)));
  const notClaimed = l3.map((id) => ({
    name: `needs layer 3 for ${id}`,
    feature: "F",
    location: `features/l3.feature:${id.length}`,
    tags: [`@REQ-${id}`, "@needs-layer-3"],
    requirementIds: [id],
    needs: ["layer 3"],
  }));
  const r = report(claimed, { claims: { layers: [1, 2], features: [] }, notClaimed });
  assert.equal(r.verdict, "CERTIFIED");
  assert.equal(r.verdictLine, "CERTIFIED for layers 1–2 (not claimed: layer 3)");
  assert.equal(r.totals.notClaimed, l3.length);
  for (const id of l3) assert.equal(r.requirements.find((q) => q.id === id)?.verdict, "not-claimed");
  assert.equal(r.ci.exitCode, 0);
  assert.match(countLine(r), new RegExp(`, ${l3.length} skipped$`));
});

test("scenarios written for another wire are NOT APPLICABLE: listed apart, they neither fail nor leave the run incomplete", () => {
  const raw = (line: number) => ({
    name: `a raw body ${line}`,
    feature: "Errors",
    location: `features/errors/bad-input.feature:${line}`,
    tags: ["@REQ-ERRORS", "@must", "@wire-http-json"],
    requirementIds: ["ERRORS"],
    needs: [],
  });
  const ran = allPassing().filter((s) => !s.tags.includes("@REQ-ERRORS"));
  const alone = report(ran, { notApplicable: [raw(12), raw(20)] });
  assert.equal(alone.totals.notApplicable, 2);
  assert.equal(alone.requirements.find((q) => q.id === "ERRORS")?.verdict, "not-applicable");
  assert.equal(alone.verdict, "CERTIFIED", "a requirement no scenario of this wire can test is not untested");
  assert.ok(alone.reasons.some((r) => /not applicable on this wire, not run: 2 scenarios/.test(r)));
  assert.match(countLine(alone), /, 2 skipped$/);
  assert.equal(alone.scenarios.filter((s) => s.status === "not-applicable").length, 2);
  // Beside a scenario of the wire that ran, the requirement's verdict is that scenario's.
  const beside = report(allPassing(), { notApplicable: [raw(12)] });
  assert.equal(beside.requirements.find((q) => q.id === "ERRORS")?.verdict, "passed");
});

test("a scenario that calls a layer its tags do not declare is the suite's fault", () => {
  const entry = {
    seq: 1,
    role: "A",
    method: "messages.sendMessage",
    layer: 3,
    durationMs: 1,
    status: 200,
    bytes: 2,
  };
  const s: FakeScenario = {
    name: "sends at layer 3",
    tags: ["@REQ-S1-REVEAL"],
    steps: [{ text: "When A sends" }],
    attachments: [
      {
        mediaType: TRANSCRIPT_MEDIA_TYPE,
        body: JSON.stringify({ scenario: "x", exchanges: 1, entries: [], compact: [entry] }),
      },
    ],
  };
  const [outcome] = report([s]).scenarios;
  assert.equal(outcome?.status, "harness-error");
  assert.match(outcome?.failure?.message ?? "", /not tagged @needs-layer-3/);
  s.tags.push("@needs-layer-3");
  assert.equal(report([s]).scenarios[0]?.status, "passed");
});
