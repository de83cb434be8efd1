// `tl-conformance run` on the MTProto wire: --binding mtproto with no target runs against the
// embedded server's MTProto front end; --target tcp:// with --rsa-key and --transport runs
// against a server given by address; a tcp:// target without its key is a usage error, and one
// that accepts no connection is an ERROR report, exit 3.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startMtprotoServer } from "../../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../../src/server/index.ts";
import { readReport } from "../../test/reports.ts";
import { runCli } from "../../test/run_cli.ts";

const fresh = (name: string) => join(mkdtempSync(join(tmpdir(), `tlc-${name}-`)), "reports");
const TAGS = "@REQ-S1-REVEAL and @must";

test("--binding mtproto with no target: the embedded server's MTProto front end, every scenario on that wire", async () => {
  const reports = fresh("mtproto-embedded");
  const run = await runCli(["run", "--binding", "mtproto", "--tags", TAGS, "--serial", "--reports", reports]);
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /target tcp:\/\/127\.0\.0\.1:\d+ \(embedded reference server\)/);
  const report = readReport(reports);
  assert.ok(report.totals.passed > 0, JSON.stringify(report.totals));
  assert.equal(
    report.totals.failed + report.totals.targetFaults + report.totals.harnessErrors,
    0,
    run.stdout,
  );
});

test("--target tcp:// with --rsa-key and --transport; without the key, a usage error; unreachable, exit 3", async () => {
  const server = await startMtprotoServer(createServerState());
  const key = join(mkdtempSync(join(tmpdir(), "tlc-rsa-")), "server.pub.pem");
  writeFileSync(key, server.rsaPublicKeyPem);
  try {
    const reports = fresh("mtproto-target");
    const args = ["run", "--target", server.url, "--rsa-key", key, "--transport", "full", "--tags", TAGS];
    const run = await runCli([...args, "--serial", "--reports", reports]);
    assert.equal(run.code, 3, run.stderr);
    const report = readReport(reports);
    assert.ok(report.totals.passed > 0, JSON.stringify(report.totals));
    assert.equal(report.totals.failed + report.totals.targetFaults + report.totals.harnessErrors, 0);

    const keyless = await runCli(["run", "--target", server.url, "--reports", fresh("mtproto-keyless")]);
    assert.equal(keyless.code, 2, keyless.stderr);
    assert.match(keyless.stderr, /needs its RSA public key: --rsa-key/);
  } finally {
    await server.close();
  }
  const closed = await runCli(
    [
      "run",
      "--target",
      server.url,
      "--rsa-key",
      key,
      "--health-wait-ms",
      "300",
      "--reports",
      fresh("mtproto-closed"),
    ],
    {},
  );
  assert.equal(closed.code, 3, closed.stderr);
  assert.match(closed.stderr, /TARGET_UNREACHABLE: tcp:\/\/127\.0\.0\.1:\d+ accepts no TCP connection/);
});
