// Hostile MTProto targets through the command a vendor runs: each fake server breaks one rule of
// the wire, and `tl-conformance run --target tcp://` must end with verdict ERROR (exit 3), the
// rule's own TARGET_MTPROTO_ code on the scenario, a report that matches its schema with the
// scenario's exchanges in it, and no crash or hang (test/hostile/hostile.test.ts is the same for
// the TL-JSON wire; test/hostile-mtproto/hostile.test.ts checks every fault at the binding).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { TargetErrorCode } from "../../src/client/index.ts";
import { assertErrorRun } from "../hostile/error_run.ts";
import { runCli } from "../run_cli.ts";
import { type FakeServer, type Fault, startFakeServer, warmUp } from "./fake_server.ts";

const TIMEOUT_MS = 1000;
const WALL_LIMIT_MS = 20_000;

/** One fault of each stage: the key exchange, the DH parameters, the transport, the envelope. */
const CASES: { fault: Fault; code: TargetErrorCode }[] = [
  { fault: "wrong-nonce", code: "TARGET_MTPROTO_BAD_NONCE" },
  { fault: "unsafe-prime", code: "TARGET_MTPROTO_BAD_DH_PARAMS" },
  { fault: "transport-404", code: "TARGET_MTPROTO_TRANSPORT_ERROR" },
  { fault: "bad-msg-key", code: "TARGET_MTPROTO_BAD_MSG_KEY" },
  { fault: "gzip-garbage", code: "TARGET_MTPROTO_BAD_MESSAGE" },
  { fault: "silence-after-req-pq", code: "TARGET_TIMEOUT" },
];

before(warmUp);
const servers: FakeServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

for (const { fault, code } of CASES) {
  test(`a tcp:// target with ${fault} gives a ${code} target fault, verdict ERROR and a report`, async () => {
    const server = await startFakeServer({ fault });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), "tlc-hostile-mtproto-"));
    const key = join(dir, "server.pub.pem");
    writeFileSync(key, server.publicPem);
    const reports = join(dir, "reports");
    try {
      const run = await runCli(
        [
          "run",
          "--target",
          server.url,
          "--rsa-key",
          key,
          "--timeout-ms",
          String(TIMEOUT_MS),
          "--tags",
          "@REQ-S2-FOREIGN",
          "--serial",
          "--reports",
          reports,
        ],
        { killAfterMs: WALL_LIMIT_MS * 2 },
      );
      assertErrorRun(run, reports, code, WALL_LIMIT_MS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
