// The report files: HTML that puts the failed requirements first and escapes the target's text,
// JUnit valid against the published Jenkins schema, Markdown for a job summary, no secret
// anywhere, and a reports folder that never keeps an earlier run's files.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { validateXML } from "xmllint-wasm";
import { envelopesOf, type FakeScenario } from "../../test/envelopes.ts";
import { JENKINS_XSD_SOURCE, jenkinsJunitXsd } from "../../test/junit/jenkins_xsd.ts";
import { readReport, validReport } from "../../test/reports.ts";
import { REQUIREMENTS } from "../requirements/index.ts";
import {
  buildReport,
  type ConformanceReport,
  computeSuiteDigest,
  FAILURE_MEDIA_TYPE,
  FAULT_MEDIA_TYPE,
  REPORT_SCHEMA,
  ReportsFolder,
  renderHtml,
  renderJunit,
  renderMarkdown,
  TRANSCRIPT_MEDIA_TYPE,
  writeReports,
} from "./index.ts";

const hostile = `<script>alert("x")</script> & | \u0000\u0007 \uD800 ok 😀`;
const GATEWAY_KEY = "gw-secret-4711";

function transcript(entries: object[]): { mediaType: string; body: string } {
  return {
    mediaType: TRANSCRIPT_MEDIA_TYPE,
    body: JSON.stringify({ scenario: "s", exchanges: entries.length, entries }),
  };
}

const exchange = (seq: number, responseText: string) => ({
  seq,
  role: "B",
  method: "users.getUsers",
  layer: 1,
  startedAt: "2026-12-01T00:00:00.002Z",
  durationMs: 1.5,
  request: {
    url: "http://127.0.0.1:1/rpc",
    headers: { authorization: `Bearer ${"ab".repeat(32)}`, "x-gateway-key": GATEWAY_KEY },
    body: '{"_":"users.getUsers","id":[]}',
  },
  response: { status: 200, headers: { "content-type": "application/json" }, bodyText: responseText },
});

function richReport(): ConformanceReport {
  const passing = REQUIREMENTS.filter((r) => r.id !== "S1-REVEAL" && r.id !== "S2-FOREIGN").map(
    (r): FakeScenario => ({
      name: `checks ${r.id}`,
      tags: [`@REQ-${r.id}`],
      steps: [{ text: "Then it holds" }],
    }),
  );
  const compact = [
    { seq: 1, role: "A", method: "users.getUsers", layer: 1, durationMs: 1, status: 200, bytes: 40 },
  ];
  passing[0] = {
    ...(passing[0] as FakeScenario),
    attachments: [
      {
        mediaType: TRANSCRIPT_MEDIA_TYPE,
        body: JSON.stringify({ scenario: "p", exchanges: 1, entries: [], compact }),
      },
    ],
  };
  const failing: FakeScenario = {
    name: `S1 ${hostile}`,
    tags: ["@REQ-S1-REVEAL"],
    steps: [
      { text: "Given A has B's number" },
      {
        text: "Then B sees A",
        status: "FAILED",
        exceptionType: "RequirementFailure",
        message: `S1-REVEAL: ${hostile}`,
      },
    ],
    attachments: [
      {
        mediaType: FAILURE_MEDIA_TYPE,
        body: JSON.stringify({
          requirement: "S1-REVEAL",
          subject: "B's view of A",
          expected: "userRequest",
          actual: hostile,
          pointer: "/0",
        }),
      },
      transcript([exchange(1, `{"_":"userForeign","last_name":${JSON.stringify(hostile)}}`)]),
    ],
  };
  const fault: FakeScenario = {
    name: "faults",
    tags: ["@REQ-S2-FOREIGN"],
    steps: [
      {
        text: "Given A and B met",
        status: "FAILED",
        exceptionType: "TargetError",
        message: `TARGET_NOT_JSON: ${hostile}`,
      },
    ],
    attachments: [
      {
        mediaType: FAULT_MEDIA_TYPE,
        body: JSON.stringify({ code: "TARGET_NOT_JSON", message: "TARGET_NOT_JSON: x" }),
      },
      transcript([
        {
          ...exchange(1, `<html>${hostile}${"x".repeat(200_000)}</html>`),
          error: { code: "TARGET_NOT_JSON", message: hostile },
        },
      ]),
    ],
  };
  return validReport(
    buildReport(
      envelopesOf([...passing, failing, fault]),
      {
        suiteVersion: "1",
        suiteDigest: "d".repeat(64),
        target: `https://vendor:hunter22@${hostile}`,
        targetKind: "external",
        startedAt: "s",
        finishedAt: "f",
        command: "tl-conformance run --target https://vendor:hunter22@staging.example",
      },
      {
        expectedFailures: [
          { requirement: "L3-NO-CHANGE", reason: hostile, tracking: "https://tracker.example/2" },
        ],
        notClaimed: [
          {
            name: "needs l3",
            feature: "F",
            location: "features/l3.feature:3",
            tags: ["@needs-layer-3"],
            requirementIds: [],
            needs: ["layer 3"],
          },
        ],
        claims: { layers: [1, 2], features: [] },
        secrets: [GATEWAY_KEY],
      },
    ),
  );
}

test("HTML: verdict and the failed requirements first, the target's text escaped, a curl line for the failing exchange", () => {
  const html = renderHtml(richReport());
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;/);
  const failed = html.indexOf('id="failed-requirements"');
  assert.ok(
    failed > 0 && failed < html.indexOf("<h2>Requirements</h2>"),
    "failed requirements come before the table",
  );
  assert.ok(html.indexOf('id="verdict"') < failed, "the verdict comes first");
  assert.match(html.slice(failed, html.indexOf("<h2>Requirements</h2>")), /S1-REVEAL/);
  assert.match(html, /curl -sS -X POST &#39;http:\/\/127\.0\.0\.1:1\/rpc&#39;/);
  assert.match(html, /\$TL_KEY_B/);
  assert.match(html, /class="pill target-fault"/);
  assert.match(
    html,
    /<table><tr><th>#<\/th><th>role<\/th><th>method<\/th>/,
    "passing scenarios keep a compact transcript",
  );
  assert.ok(html.length < 400_000, "a 200 kB body is capped");
});

test("no secret reaches any report file: bearer keys, extra header values, URL credentials", () => {
  const r = richReport();
  for (const text of [JSON.stringify(r), renderHtml(r), renderJunit(r), renderMarkdown(r)]) {
    assert.doesNotMatch(text, /abababab/);
    assert.doesNotMatch(text, new RegExp(GATEWAY_KEY));
    assert.doesNotMatch(text, /hunter22/);
  }
  assert.match(r.meta.command, /https:\/\/<redacted>@staging\.example/);
});

test(`JUnit validates against the Jenkins JUnit schema (${JENKINS_XSD_SOURCE})`, async () => {
  const xsd = jenkinsJunitXsd();
  const report = richReport();
  const xml = renderJunit(report);
  const result = await validateXML({ xml: [{ fileName: "junit.xml", contents: xml }], schema: [xsd] });
  assert.ok(result.valid, result.errors.map((e) => e.rawMessage).join("\n"));
  assert.match(xml, /<property name="verdict" value="NOT_CERTIFIED"\/>/);
  assert.match(xml, /<property name="suiteDigest" value="d{64}"\/>/);
  assert.match(xml, /<property name="file" value="features\/fake\.feature"\/>/);
  assert.match(xml, /<error message="[^"]*" type="TARGET_NOT_JSON">/);
  assert.match(xml, /<skipped>not claimed: needs layer 3<\/skipped>/);
  // A run with no scenarios still shows up, and still validates.
  const empty = validReport(
    buildReport(
      [],
      { ...report.meta },
      { interruption: { kind: "unreachable", reason: `TARGET_TLS: ${hostile}` } },
    ),
  );
  const emptyXml = renderJunit(empty);
  const second = await validateXML({ xml: [{ fileName: "junit.xml", contents: emptyXml }], schema: [xsd] });
  assert.ok(second.valid, second.errors.map((e) => e.rawMessage).join("\n"));
  assert.match(emptyXml, /type="ERROR"/);
  // The check can fail: an attribute the schema does not know is rejected.
  const broken = xml.replace("<testcase ", '<testcase file="x" ');
  assert.equal(
    (await validateXML({ xml: [{ fileName: "j.xml", contents: broken }], schema: [xsd] })).valid,
    false,
  );
});

test("Markdown: a summary that a job page cannot be tricked by", () => {
  const md = renderMarkdown(richReport());
  assert.match(md, /^## tl-conformance: NOT CERTIFIED/);
  assert.doesNotMatch(md, /<script>/);
  assert.match(md, /\| S1-REVEAL \| MUST \| failed \|/);
  for (const line of md.split("\n").filter((l) => l.startsWith("| S1-REVEAL")))
    assert.equal(line.split(/(?<!\\)\|/).length, 6, `a table row keeps its columns: ${line}`);
});

test("docs/report.schema.json is the shipped schema (run `npm run generate`)", () => {
  const file = join(import.meta.dirname, "../../docs/report.schema.json");
  assert.equal(readFileSync(file, "utf8"), `${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
});

test("a reports folder holds only this run's files; a folder that is not ours is refused", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "tlc-reports-")), "reports");
  mkdirSync(dir);
  writeFileSync(join(dir, "report.json"), '{"verdict":"CERTIFIED"}');
  writeFileSync(join(dir, "report.md"), "old");
  const paths = await writeReports(richReport(), dir);
  assert.equal(readReport(dir).verdict, "NOT_CERTIFIED");
  assert.ok(!existsSync(join(dir, "report.md")), "the old run's report.md is gone");
  assert.deepEqual(readdirSync(dir).sort(), [
    ".tl-conformance-reports",
    "junit.xml",
    "report.html",
    "report.json",
  ]);
  assert.match(readFileSync(paths.junit, "utf8"), /^<\?xml/);
  assert.deepEqual(
    readdirSync(join(dir, "..")).filter((n) => n.includes("staging")),
    [],
    "no staging folder is left behind",
  );
  const theirs = mkdtempSync(join(tmpdir(), "tlc-theirs-"));
  writeFileSync(join(theirs, "notes.txt"), "mine");
  assert.throws(() => ReportsFolder.open(theirs), /holds files that are not reports \(notes\.txt\)/);
  assert.equal(readFileSync(join(theirs, "notes.txt"), "utf8"), "mine");
});

test("the digest follows the features and leaves the unit tests out", async () => {
  const root = mkdtempSync(join(tmpdir(), "tlc-digest-"));
  mkdirSync(join(root, "features"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "features/a.feature"), "Feature: a");
  const first = await computeSuiteDigest(root);
  assert.match(first, /^[0-9a-f]{64}$/);
  writeFileSync(join(root, "src/x.test.ts"), "test");
  assert.equal(await computeSuiteDigest(root), first);
  writeFileSync(join(root, "features/a.feature"), "Feature: b");
  assert.notEqual(await computeSuiteDigest(root), first);
});
