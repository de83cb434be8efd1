// What the client does beyond the binding's rules: a private CA, TLS failures that end at once
// with their own code, extra headers that reach the target but never a transcript, credentials
// in a URL never sent, oversized headers, and requests abandoned when their scenario ends.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { after, test } from "node:test";
import { listenOnLoopback } from "../../test/loopback.ts";
import { makeCertificates } from "../../test/tls_certs.ts";
import {
  BindingClient,
  closeAgents,
  exchange,
  guardStep,
  HarnessError,
  RequestScope,
  TargetError,
  Transcript,
  waitForHealth,
} from "./index.ts";

after(closeAgents);

const json = (res: ServerResponse, body: unknown) =>
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

const STATE = { _: "updates.state", pts: 1, date: 1, seq: 1, unread_count: 0 };
const certs = makeCertificates();

async function httpsTarget(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createHttpsServer({ key: certs.key, cert: certs.cert }, handle);
  const target = await listenOnLoopback(server as unknown as Server);
  return { ...target, url: target.url.replace("http:", "https:") };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof TargetError || error instanceof HarnessError ? error.code : String(error);
  }
};

test("a certificate from a private CA: TARGET_TLS at once without the CA, trusted with it, skipped with insecure", async () => {
  const target = await httpsTarget((req, res) =>
    req.url === "/health" ? json(res, { ok: true }) : json(res, STATE),
  );
  try {
    const started = performance.now();
    await assert.rejects(waitForHealth(target.url, { timeoutMs: 15_000 }), (error: TargetError) => {
      assert.equal(error.code, "TARGET_TLS");
      assert.match(error.message, /--ca FILE/);
      return true;
    });
    assert.ok(performance.now() - started < 3_000, "a TLS failure is not retried for the whole wait");
    await waitForHealth(target.url, { timeoutMs: 5_000, tls: { ca: certs.ca } });
    await waitForHealth(target.url, { timeoutMs: 5_000, tls: { insecure: true } });
    const client = new BindingClient({ target: target.url, tls: { ca: certs.ca } }, new Transcript());
    const answer = await client.call({ _: "updates.getState" }, { role: "A", key: undefined, layer: 1 });
    assert.equal(answer.status, 200);
    const untrusting = new BindingClient({ target: target.url }, new Transcript());
    assert.equal(
      await codeOf(untrusting.call({ _: "updates.getState" }, { role: "A", key: undefined, layer: 1 })),
      "TARGET_TLS",
    );
  } finally {
    await target.close();
  }
});

test("extra headers reach the target and are recorded as <redacted>; URL credentials are never sent", async () => {
  const seen: IncomingMessage["headers"][] = [];
  const target = await listenOnLoopback(
    createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      json(res, STATE);
    }),
  );
  try {
    const withCredentials = target.url.replace("http://", "http://vendor:hunter22@");
    const transcript = new Transcript();
    const client = new BindingClient(
      { target: withCredentials, headers: { "X-Gateway-Key": "gw-4711" } },
      transcript,
    );
    await client.call({ _: "updates.getState" }, { role: "A", key: "cd".repeat(32), layer: 1 });
    assert.equal(seen[0]?.["x-gateway-key"], "gw-4711");
    assert.equal(
      seen[0]?.authorization,
      `Bearer ${"cd".repeat(32)}`,
      "the binding's key, not the URL's credentials",
    );
    const text = transcript.serialize("s");
    assert.doesNotMatch(text, /gw-4711|hunter22|cdcdcdcd/);
    assert.match(text, /"x-gateway-key":"<redacted>"/i);
    await waitForHealth(target.url, { timeoutMs: 2_000, headers: { "X-Gateway-Key": "gw-4711" } });
    assert.equal(seen.at(-1)?.["x-gateway-key"], "gw-4711", "the health check sends them too");
  } finally {
    await target.close();
  }
});

test("oversized answer headers get their own code", async () => {
  const target = await listenOnLoopback(
    createServer((_req, res) => res.writeHead(200, { "x-junk": "j".repeat(64 * 1024) }).end("{}")),
  );
  try {
    const limits = { timeoutMs: 2_000, maxBodyBytes: 1024 };
    assert.equal(
      await codeOf(exchange(`${target.url}/rpc`, "GET", {}, undefined, limits)),
      "TARGET_HEADERS_TOO_LARGE",
    );
  } finally {
    await target.close();
  }
});

test("no request outlives its scenario: abort() abandons what is in flight and records it", async () => {
  const closed: number[] = [];
  const target = await listenOnLoopback(
    createServer((req, res) => {
      req.resume();
      res.on("close", () => closed.push(performance.now()));
      if (req.headers.authorization?.startsWith("Bearer ee")) return; // this one never answers
      res.writeHead(502, { "content-type": "text/html" }).end("<html>");
    }),
  );
  try {
    const transcript = new Transcript();
    const client = new BindingClient({ target: target.url, timeoutMs: 30_000 }, transcript);
    // Two calls of one step at once; the first failure fails the step while the other waits.
    const hanging = client.call({ _: "updates.getState" }, { role: "B", key: "ee".repeat(32), layer: 1 });
    hanging.catch(() => {});
    await assert.rejects(
      client.call({ _: "updates.getState" }, { role: "A", key: "aa".repeat(32), layer: 1 }),
    );
    const ended = performance.now();
    await client.abort();
    assert.equal(await codeOf(hanging), "HARNESS_ABORTED");
    assert.deepEqual(transcript.entries.map((e) => e.error?.code).sort(), [
      "HARNESS_ABORTED",
      "TARGET_NOT_JSON",
    ]);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(closed.length, 2, "the target saw both requests end");
    assert.ok(
      Math.max(...closed) - ended < 1_000,
      "the hanging request ended with the scenario, not at its timeout",
    );
    assert.equal(
      await codeOf(client.call({ _: "updates.getState" }, { role: "A", key: undefined, layer: 1 })),
      "HARNESS_ABORTED",
    );
  } finally {
    await target.close();
  }
});

test("the step timeout follows the request timeout: a step that keeps making requests runs on, a stalled one fails", async () => {
  const scope = new RequestScope();
  // 600 ms of work with a request ending every 50 ms, against a limit of 100 + 100 ms.
  const busy = (async () => {
    for (let i = 0; i < 12; i++) {
      const request = { abort() {} };
      scope.enter(request);
      await new Promise((r) => setTimeout(r, 50));
      scope.leave(request);
    }
    return "done";
  })();
  assert.equal(await guardStep(busy, scope, 100, 100), "done");
  const stalled = new Promise<never>(() => {});
  const started = performance.now();
  assert.equal(await codeOf(guardStep(stalled, new RequestScope(), 100, 100)), "HARNESS_STEP_STALLED");
  const ms = performance.now() - started;
  assert.ok(ms >= 190 && ms < 1_000, `gave up after ${ms.toFixed(0)} ms`);
});
