import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ConformanceReport, TranscriptEntry } from "../report/index.ts";
import { reproduceCommand } from "../report/reproduce.ts";
import {
  type RunningMtprotoServer,
  type RunningServer,
  startMtprotoServer,
  startServer,
} from "../server/index.ts";
import { binaryImport } from "../session/index.ts";
import { findExchange, replayExchange } from "./replay_exchange.ts";

let http: RunningServer;
let mtproto: RunningMtprotoServer;

before(async () => {
  http = await startServer();
  mtproto = await startMtprotoServer(http.state);
});
after(async () => {
  await mtproto.close();
  await http.close();
});

function entry(seq: number, method: string, body: unknown, wire: "mtproto" | "http-json"): TranscriptEntry {
  return {
    seq,
    wire,
    role: "A",
    method,
    layer: 1,
    startedAt: "2026-12-02T00:00:00.000Z",
    durationMs: 1,
    request: { url: wire === "mtproto" ? mtproto.url : http.url, headers: {}, body },
    response: { status: 0, headers: {}, bodyText: '{"_":"rpc_error"}' },
  };
}

function reportOf(entries: TranscriptEntry[], target: string): ConformanceReport {
  const scenario = {
    name: "s",
    feature: "f",
    location: "features/errors/bad-bytes.feature:33",
    tags: [],
    requirementIds: ["ERRORS"],
    needs: [],
    status: "failed",
    durationMs: 1,
    steps: [],
    exchanges: entries.length,
    transcript: entries,
  };
  return {
    reportFormat: 2,
    meta: { target, targetKind: "external", wire: "mtproto" },
    scenarios: [scenario],
  } as unknown as ConformanceReport;
}

const bytes = Buffer.from(binaryImport("its last 4 bytes cut off", "9996612345").bytes).toString("hex");
const recorded = () => [
  entry(1, "contacts.getContacts", JSON.stringify({ _: "contacts.getContacts", hash: "" }), "mtproto"),
  entry(
    2,
    "contacts.importContacts",
    JSON.stringify({ bytes, method: "contacts.importContacts", readAs: "contacts.importContacts" }),
    "mtproto",
  ),
];

test("an MTProto exchange is sent again over MTProto, on a fresh key: an account call answers 401", async () => {
  const report = reportOf(recorded(), mtproto.url);
  const done = await replayExchange(report, {
    exchange: 1,
    rsaPublicKeyPem: mtproto.rsaPublicKeyPem,
    timeoutMs: 5000,
  });
  assert.deepEqual(done.outcome.rpcError, { code: 401, message: "AUTH_KEY_UNREGISTERED" });
  assert.equal(done.transcript.at(-1)?.wire, "mtproto");
  assert.ok(done.transcript.at(-1)?.mtproto?.msgId, "the envelope of the replayed call is recorded");
});

test("bytes a step wrote are sent again as written", async () => {
  const report = reportOf(recorded(), mtproto.url);
  const done = await replayExchange(report, {
    exchange: 2,
    rsaPublicKeyPem: mtproto.rsaPublicKeyPem,
    timeoutMs: 5000,
  });
  assert.deepEqual(done.outcome.rpcError, { code: 400, message: "INPUT_REQUEST_INVALID" });
});

test("a TL-JSON exchange is sent again over HTTP", async () => {
  const json = entry(
    1,
    "contacts.getContacts",
    JSON.stringify({ _: "contacts.getContacts", hash: "" }),
    "http-json",
  );
  const done = await replayExchange(reportOf([json], http.url), { exchange: 1, timeoutMs: 5000 });
  assert.deepEqual(done.outcome.rpcError, { code: 401, message: "AUTH_KEY_UNREGISTERED" });
});

test("what replay cannot do is said, not guessed", async () => {
  const report = reportOf(recorded(), mtproto.url);
  assert.throws(() => findExchange(report, { exchange: 9 }), /has exchanges 1 to 2, not 9/);
  assert.throws(
    () => findExchange(report, { exchange: 1, scenario: "features/x.feature:1" }),
    /no transcript/,
  );
  await assert.rejects(
    replayExchange(report, { exchange: 1, timeoutMs: 5000 }),
    /needs the target's public key/,
  );
  const embedded = { ...report, meta: { ...report.meta, targetKind: "embedded" } } as ConformanceReport;
  await assert.rejects(
    replayExchange(embedded, { exchange: 1, rsaPublicKeyPem: mtproto.rsaPublicKeyPem, timeoutMs: 5000 }),
    /embedded server .* give --target/,
  );
});

test("the reproduce line of an MTProto exchange is the replay command; of a TL-JSON one a curl line", () => {
  const [first] = recorded();
  assert.ok(first);
  assert.equal(
    reproduceCommand(first, "features/errors/bad-bytes.feature:33"),
    `tl-conformance replay reports/report.json --scenario 'features/errors/bad-bytes.feature:33' --exchange 1 --target '${mtproto.url}' --rsa-key SERVER.pub.pem`,
  );
  const json = entry(1, "contacts.getContacts", "{}", "http-json");
  assert.match(reproduceCommand(json) ?? "", /^curl -sS -X POST/);
});
