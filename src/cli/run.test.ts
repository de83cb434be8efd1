// `tl-conformance run` as a CI job sees it: each exit code with its verdict, a report for every
// way a run ends (over whatever an earlier run left), expected failures, claims, a profile's
// errors, extra headers and a private CA end to end, timeouts that follow the request timeout.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: profiles spell ${NAME} in plain strings; these tests write such profiles.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { neverReveals, startFront } from "../../test/hostile/front.ts";
import { listenOnLoopback } from "../../test/loopback.ts";
import { readReport } from "../../test/reports.ts";
import { lastLines, runCli } from "../../test/run_cli.ts";
import { makeCertificates } from "../../test/tls_certs.ts";

const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), `tlc-${name}-`)), "reports");

/** A reports folder as an earlier, green run left it. */
function staleReports(): string {
  const dir = fresh("stale");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "report.json"), '{"verdict":"CERTIFIED"}');
  writeFileSync(join(dir, "junit.xml"), "<testsuites/>");
  writeFileSync(join(dir, "report.md"), "CERTIFIED");
  return dir;
}

function assertOnlyThisRun(dir: string): void {
  assert.ok(!existsSync(join(dir, "report.md")), "the earlier run's report.md is gone");
  assert.doesNotMatch(readFileSync(join(dir, "junit.xml"), "utf8"), /^<testsuites\/>$/);
}

test("exit 0: certified for what the server claims, with markdown, cucumber's formatter and the job summary", async () => {
  const reports = fresh("claims");
  const summary = join(mkdtempSync(join(tmpdir(), "tlc-summary-")), "summary.md");
  const run = await runCli(
    [
      "run",
      "--claim-layers",
      "1",
      "--claim-features",
      "none",
      "--timeout-ms",
      "70000",
      "--reports",
      reports,
      "--format",
      "markdown",
      "--format",
      "message:messages.ndjson",
    ],
    { env: { GITHUB_STEP_SUMMARY: summary } },
  );
  assert.equal(run.code, 0, run.stderr);
  const report = readReport(reports);
  assert.equal(report.verdict, "CERTIFIED");
  assert.equal(
    report.verdictLine,
    "CERTIFIED for layer 1 (not claimed: layer 2, layer 3, messages.forwardMessage)",
  );
  assert.ok(report.totals.notClaimed > 10 && report.totals.passed > 20);
  const ran = report.scenarios.filter((s) => s.status !== "not-claimed" && s.status !== "not-applicable");
  assert.deepEqual(
    ran.filter((s) => s.needs.length > 0).map((s) => s.name),
    [],
    "what is not claimed does not run",
  );
  assert.equal(new Set(report.scenarios.map((s) => s.location)).size, report.scenarios.length);
  assert.equal(report.meta.configuration?.claimLayers?.source, "flag");
  const { verdict, count } = lastLines(run);
  assert.match(verdict, /^verdict: CERTIFIED for layer 1 .* 0 target faults, 0 harness errors/);
  assert.equal(
    count,
    `conformance: ${report.totals.passed} passed, 0 failed, ${report.totals.notClaimed + report.totals.notApplicable} skipped`,
  );
  assert.match(readFileSync(join(reports, "report.md"), "utf8"), /^## tl-conformance: CERTIFIED/);
  assert.match(readFileSync(summary, "utf8"), /CERTIFIED for layer 1/);
  const messages = readFileSync(join(reports, "messages.ndjson"), "utf8").trim().split("\n");
  assert.ok(
    messages.some((line) => "testRunFinished" in JSON.parse(line)),
    "cucumber's own message formatter ran",
  );
});

test("exit 1 for a server that never reveals; exit 0 once each failure is listed, the verdict unchanged", async () => {
  const front = await startFront({ edit: neverReveals });
  // Layer 1 only, to keep three whole runs short: a claim, not a subset, so the verdict stands.
  const claims = ["--claim-layers", "1", "--claim-features", "none"];
  try {
    const reports = fresh("not-certified");
    const run = (...extra: string[]) =>
      runCli(["run", "--target", front.url, ...claims, "--reports", reports, ...extra]);
    const first = await run();
    assert.equal(first.code, 1, first.stderr);
    const report = readReport(reports);
    assert.equal(report.verdict, "NOT_CERTIFIED");
    const failed = report.requirements.filter((r) => r.verdict === "failed").map((r) => r.id);
    assert.ok(failed.includes("S1-REVEAL"), failed.join(", "));
    const list = (ids: string[]) => {
      const file = join(mkdtempSync(join(tmpdir(), "tlc-xfail-")), "expected.yaml");
      writeFileSync(
        file,
        ids
          .map(
            (id) =>
              `- requirement: ${id}\n  reason: reveals nothing yet\n  tracking: https://tracker.example/7\n`,
          )
          .join(""),
      );
      return file;
    };
    const listed = await run("--expected-failures", list(failed));
    assert.equal(listed.code, 0, listed.stdout.slice(-2000));
    const second = readReport(reports);
    assert.equal(second.verdict, "NOT_CERTIFIED", "listing failures does not change the certification");
    assert.equal(second.ci.outcome, "pass");
    assert.match(lastLines(listed).verdict, /NOT CERTIFIED.*CI pass: .*stays NOT CERTIFIED/);
  } finally {
    await front.close();
  }
});

test("exit 2: a filter that matches nothing and a profile error name what is wrong, and replace the last report", async () => {
  const reports = staleReports();
  const none = await runCli(["run", "--tags", "@no-such-tag", "--reports", reports]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--tags @no-such-tag matches no scenario/);
  assert.equal(readReport(reports).verdict, "INCOMPLETE");
  assertOnlyThisRun(reports);
  const profile = join(mkdtempSync(join(tmpdir(), "tlc-bad-profile-")), "p.yaml");
  writeFileSync(profile, "timeouts:\n  requestMs: -1\n");
  const bad = await runCli(["run", "--profile", profile, "--reports", reports]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /p\.yaml: does not match its schema:\n {2}\/timeouts\/requestMs: must be >= 1/);
  assert.equal(readReport(reports).interruption?.kind, "usage");
});

test("exit 3 with an ERROR report: unreachable, a /health that hangs, a certificate nobody trusts", async () => {
  const closed = await listenOnLoopback(createServer());
  await closed.close();
  const hanging = await listenOnLoopback(createServer(() => {}));
  const certs = makeCertificates();
  const tls = await startFront({ tls: { key: certs.key, cert: certs.cert } });
  try {
    for (const [target, code, extra] of [
      [closed.url, "TARGET_UNREACHABLE", []],
      [hanging.url, "TARGET_UNREACHABLE", ["--timeout-ms", "300"]],
      [tls.url, "TARGET_TLS", ["--health-wait-ms", "20000"]],
    ] as const) {
      const reports = staleReports();
      const run = await runCli([
        "run",
        "--target",
        target,
        "--health-wait-ms",
        "1000",
        ...extra,
        "--reports",
        reports,
      ]);
      assert.equal(run.code, 3, run.stderr);
      assert.ok(run.ms < 10_000, `${code}: gave up after ${run.ms.toFixed(0)} ms`);
      const report = readReport(reports);
      assert.equal(report.verdict, "ERROR");
      assert.match(report.interruption?.reason ?? "", new RegExp(`^${code}: `));
      assertOnlyThisRun(reports);
    }
    const trusted = await runCli([
      "run",
      "--target",
      tls.url,
      "--ca",
      certs.caFile,
      "--tags",
      "@REQ-S2-FOREIGN",
      "--reports",
      fresh("tls"),
    ]);
    assert.match(lastLines(trusted).count, /^conformance: 1 passed, 0 failed$/, trusted.stderr);
  } finally {
    await hanging.close();
    await tls.close();
  }
});

test("a gateway header from a profile reaches the target and no report; ${ENV} fills it in", async () => {
  const front = await startFront({ requireHeader: { name: "X-Gateway-Key", value: "gw-secret-99" } });
  try {
    const dir = mkdtempSync(join(tmpdir(), "tlc-gateway-"));
    writeFileSync(
      join(dir, "p.yaml"),
      `target: ${front.url}\nheaders:\n  X-Gateway-Key: \${GATEWAY_KEY}\nreports: out\n`,
    );
    const run = await runCli(["run", "--profile", join(dir, "p.yaml"), "--tags", "@REQ-S2-FOREIGN"], {
      env: { GATEWAY_KEY: "gw-secret-99" },
    });
    assert.match(lastLines(run).count, /^conformance: 1 passed, 0 failed$/, run.stdout);
    assert.equal(run.code, 3, "a subset is INCOMPLETE");
    for (const name of readdirSync(join(dir, "out")))
      assert.doesNotMatch(readFileSync(join(dir, "out", name), "utf8"), /gw-secret-99/, name);
    const report = readReport(join(dir, "out"));
    assert.deepEqual(report.meta.configuration?.headers, {
      value: { "X-Gateway-Key": "<redacted>" },
      source: "profile",
    });
    const without = await runCli([
      "run",
      "--target",
      front.url,
      "--health-wait-ms",
      "500",
      "--reports",
      fresh("no-key"),
    ]);
    assert.equal(without.code, 3, "without the header the gateway turns the run away");
  } finally {
    await front.close();
  }
});

test("a slow but in-time target passes though its steps outlast the request timeout", async () => {
  const front = await startFront({ delayMs: 150 });
  try {
    const reports = fresh("slow");
    const run = await runCli([
      "run",
      "--target",
      front.url,
      "--timeout-ms",
      "600",
      "--tags",
      "@REQ-S2-FOREIGN",
      "--reports",
      reports,
    ]);
    assert.match(lastLines(run).count, /^conformance: 1 passed, 0 failed$/, run.stdout);
    const steps = readReport(reports).scenarios[0]?.steps ?? [];
    assert.ok(
      steps.some((s) => s.durationMs > 600),
      `a step took longer than one request may: ${steps.map((s) => s.durationMs.toFixed(0))}`,
    );
  } finally {
    await front.close();
  }
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} mid-run writes an INCOMPLETE report naming the signal, and exits 3`, async () => {
    const front = await startFront({ delayMs: 100 });
    try {
      const reports = staleReports();
      const run = await runCli(["run", "--target", front.url, "--reports", reports], {
        onStart: (child) => {
          let sent = false;
          child.stderr?.on("data", (d: Buffer) => {
            // The first progress character: one scenario has finished. Once only: a second
            // signal means "exit at once" (130), and on a busy machine the next scenario's
            // character can arrive before the first signal has stopped the run.
            if (sent || !d.toString().startsWith(".")) return;
            sent = true;
            child.kill(signal);
          });
        },
      });
      assert.equal(run.code, 3, run.stderr);
      const report = readReport(reports);
      assert.equal(report.verdict, "INCOMPLETE");
      assert.match(
        report.interruption?.reason ?? "",
        new RegExp(`stopped by ${signal} after [1-9]\\d* scenarios`),
      );
      assert.ok(report.scenarios.length > 0, "the scenarios that finished are in the report");
      assertOnlyThisRun(reports);
    } finally {
      await front.close();
    }
  });
}

test("passing scenarios keep a compact transcript, and every exchange whole with --transcripts all", async () => {
  const tags = ["--tags", "@REQ-CONTACTS-MUTUAL", "--serial"];
  const compact = fresh("transcripts-compact");
  const whole = fresh("transcripts-all");
  await runCli(["run", ...tags, "--reports", compact]);
  await runCli(["run", ...tags, "--transcripts", "all", "--reports", whole]);
  const compactReport = readReport(compact);
  const wholeReport = readReport(whole);
  assert.ok(compactReport.scenarios.length > 0, "the tag chose scenarios");
  for (const scenario of compactReport.scenarios) {
    assert.equal(scenario.status, "passed", scenario.name);
    assert.equal(scenario.transcript, undefined, `${scenario.name}: no whole transcript by default`);
    assert.equal(scenario.compactTranscript?.length, scenario.exchanges, scenario.name);
  }
  assert.equal(wholeReport.scenarios.length, compactReport.scenarios.length);
  for (const scenario of wholeReport.scenarios) {
    assert.equal(scenario.status, "passed", scenario.name);
    assert.ok(scenario.exchanges > 0, scenario.name);
    assert.equal(scenario.transcript?.length, scenario.exchanges, `${scenario.name}: every exchange whole`);
  }
});
