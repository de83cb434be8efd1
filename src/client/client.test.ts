// The binding rules the client enforces on every answer, and its option checks.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { test } from "node:test";
import { listenOnLoopback } from "../../test/loopback.ts";
import { exchange, type RawAnswer } from "./http_exchange.ts";
import {
  BindingClient,
  decode,
  InvalidOptionError,
  scrubSecrets,
  TargetError,
  Transcript,
  wrapCall,
} from "./index.ts";

const raw = (status: number, bodyText: string, type = "application/json; charset=utf-8"): RawAnswer => ({
  status,
  headers: { "content-type": type },
  bodyText,
  truncated: false,
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof TargetError ? error.code : String(error);
  }
  return "no error";
}

test("decode: results need 200, rpc_errors their own code, JSON objects unless Vector or Bool", () => {
  assert.equal(
    decode(raw(200, '{"_":"updates.state","pts":1,"date":1,"seq":1,"unread_count":0}'), "updates.getState", 1)
      .status,
    200,
  );
  assert.deepEqual(
    decode(raw(400, '{"_":"rpc_error","error_code":400,"error_message":"X"}'), "updates.getState", 1)
      .rpcError,
    { code: 400, message: "X" },
  );
  assert.equal(
    code(() =>
      decode(raw(500, '{"_":"rpc_error","error_code":400,"error_message":"X"}'), "updates.getState", 1),
    ),
    "TARGET_BAD_STATUS",
  );
  assert.equal(
    code(() => decode(raw(201, '{"_":"updates.state"}'), "updates.getState", 1)),
    "TARGET_BAD_STATUS",
  );
  assert.equal(
    code(() => decode(raw(200, "<html>"), "updates.getState", 1)),
    "TARGET_NOT_JSON",
  );
  assert.equal(
    code(() => decode(raw(200, "{}", "text/plain"), "updates.getState", 1)),
    "TARGET_NOT_JSON",
  );
  assert.equal(
    code(() => decode(raw(200, "[1]"), "updates.getState", 1)),
    "TARGET_NOT_JSON",
  );
  assert.equal(decode(raw(200, "[]"), "users.getUsers", 1).status, 200);
  assert.equal(decode(raw(200, "true"), "contacts.deleteContacts", 1).body, true);
  assert.equal(
    code(() => decode({ ...raw(200, "{"), truncated: true }, "updates.getState", 1)),
    "TARGET_BODY_TOO_LARGE",
  );
});

test("layer wrapping: bare at layer 1, invokeWithLayerN above", () => {
  assert.deepEqual(wrapCall({ _: "x" }, 1), { _: "x" });
  assert.deepEqual(wrapCall({ _: "x" }, 3), { _: "invokeWithLayer3", query: { _: "x" } });
});

test("options are checked one by one", () => {
  const t = new Transcript();
  assert.throws(() => new BindingClient({ target: "ftp://x" }, t), InvalidOptionError);
  assert.throws(
    () => new BindingClient({ target: "http://x", timeoutMs: 0 }, t),
    /timeoutMs must be a positive integer/,
  );
  assert.throws(
    () => new BindingClient({ target: "http://x", maxBodyBytes: 1.5 }, t),
    /maxBodyBytes must be a positive integer/,
  );
  assert.equal(new BindingClient({ target: "http://x/" }, t).options.target, "http://x");
});

test("secrets are scrubbed from serialized transcripts, also inside JSON strings", () => {
  const inner = JSON.stringify({ phone_code: "22222", phone_code_hash: "abc" });
  const text = JSON.stringify({ body: inner });
  assert.doesNotMatch(scrubSecrets(text), /22222|abc/);
  assert.doesNotMatch(scrubSecrets(inner), /22222|abc/);
});

test("a serialized transcript is JSON, holds no sign-in code, and keeps JSON answers as values", () => {
  const transcript = new Transcript();
  const answer = '{"_":"auth.sentCode","phone_registered":false,"phone_code_hash":"c0ffee"}';
  transcript.add(
    {
      role: "A",
      method: "auth.signUp",
      layer: 1,
      startedAt: "t",
      durationMs: 1,
      request: { url: "u", headers: {}, body: '{"_":"auth.signUp","phone_code":"33333"}' },
      response: { status: 200, headers: {}, bodyText: answer },
    },
    answer,
  );
  const text = transcript.serialize("s");
  assert.doesNotMatch(text, /33333|c0ffee/);
  const parsed = JSON.parse(text) as { entries: { response: { body: { _: string } } }[] };
  assert.equal(parsed.entries[0]?.response.body._, "auth.sentCode");
});

test("the deadline covers the whole exchange, headers and body, and is cleared after it", async () => {
  const dripping = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    res.on("error", () => {});
    if (req.url === "/silent") return; // headers never come
    if (req.url === "/drip") {
      // Headers at once, then a byte every 50 ms: each read is quick, the whole never ends.
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 50);
      dripping.add(timer);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  const target = await listenOnLoopback(server);
  const limits = { timeoutMs: 300, maxBodyBytes: 1024 * 1024 };
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
  try {
    for (const path of ["/silent", "/drip"]) {
      const started = performance.now();
      await assert.rejects(exchange(`${target.url}${path}`, "GET", {}, undefined, limits), (error) => {
        assert.ok(error instanceof TargetError);
        assert.equal(error.code, "TARGET_TIMEOUT", `${path}: ${error.message}`);
        return true;
      });
      const ms = performance.now() - started;
      assert.ok(ms >= 290 && ms < 1500, `${path}: gave up after ${ms.toFixed(0)} ms, the deadline is 300 ms`);
    }
    for (const timer of dripping) clearInterval(timer);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the aborted exchanges settle
    const before = timers();
    const answer = await exchange(`${target.url}/ok`, "GET", {}, undefined, limits);
    assert.equal(answer.bodyText, "{}");
    // Other timers (the dripping server's, undici's own) may end meanwhile; none may be added.
    assert.ok(timers() <= before, "a finished exchange leaves no timer behind");
  } finally {
    for (const timer of dripping) clearInterval(timer);
    await target.close();
  }
});
