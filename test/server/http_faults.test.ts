// Strict input on the HTTP front end (docs/binding.md, "Errors"): bytes that are not UTF-8, a
// content type other than JSON in UTF-8, and every HTTP-level fault get an rpc_error body with a
// status of the binding's table: malformed request lines and heads, heads over the limit, heads
// and bodies too slow, a declared length over the limit (refused before the body is read), and a
// large upload, which gets its 413 rather than a reset.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Body, importOf, inputPeer, message, type TestAccount, TestServer } from "./harness.ts";
import { head, open, type RawAnswer, readAnswer } from "./wire.ts";

let server: TestServer;
let a: TestAccount;
let b: TestAccount;
before(async () => {
  server = await TestServer.start({ maxHeaderBytes: 2048, headersTimeoutMs: 300, requestTimeoutMs: 600 });
  [a, b] = [await server.signUp(), await server.signUp()];
  await server.ok(a, importOf(b.phone));
});
after(() => server.close());

const port = () => server.server.port;

function assertTlError(answer: RawAnswer, status: number): void {
  assert.equal(answer.status, status, JSON.stringify(answer));
  assert.match(answer.headers["content-type"] ?? "", /^application\/json/);
  assert.deepEqual(JSON.parse(answer.body), {
    _: "rpc_error",
    error_code: status,
    error_message: "INPUT_REQUEST_INVALID",
  });
}

async function exchange(bytes: string | Buffer, timeoutMs?: number): Promise<RawAnswer> {
  const socket = await open(port());
  const answer = readAnswer(socket, timeoutMs);
  socket.write(bytes);
  const result = await answer;
  socket.destroy();
  return result;
}

async function pts(account: TestAccount): Promise<number> {
  return (await server.ok(account, { _: "updates.getState" })).pts as number;
}

test("a body that is not UTF-8 is refused, not stored with U+FFFD in its place", async () => {
  const before = await pts(a);
  const text = JSON.stringify(message(inputPeer(a, b), "@"));
  const bytes = Buffer.from(text, "utf8");
  bytes[bytes.indexOf(0x40)] = 0xff;
  const answer = await server.raw(bytes, a.key);
  assert.equal(answer.status, 400);
  assert.equal((answer.body as Body).error_message, "INPUT_REQUEST_INVALID");
  assert.equal(await pts(a), before);
});

test("a content type other than application/json (charset utf-8 allowed) is refused", async () => {
  const call = JSON.stringify({ _: "updates.getState" });
  for (const type of [
    "text/plain",
    "application/json; charset=utf-16",
    "application/jsonx",
    "text/json",
    null,
  ]) {
    const answer = await server.raw(call, a.key, type);
    assert.equal(answer.status, 400, `${type} → ${answer.status}`);
    assert.equal((answer.body as Body).error_message, "INPUT_REQUEST_INVALID");
  }
  const bare = `POST /rpc HTTP/1.1\r\nhost: x\r\ncontent-length: ${call.length}\r\n\r\n${call}`;
  assert.equal((await exchange(bare)).status, 400, "no content type at all");
  for (const type of [
    "application/json",
    "application/json; charset=utf-8",
    'Application/JSON;charset="UTF-8"',
  ]) {
    assert.equal((await server.raw(call, a.key, type)).status, 200, type);
  }
});

test("a malformed request line or head gets an rpc_error body, not Node's bare 400", async () => {
  assertTlError(await exchange("GARBAGE\r\n\r\n"), 400);
  assertTlError(await exchange("POST /rpc HTTP/1.1\r\nno colon here\r\n\r\n"), 400);
  assertTlError(await exchange(`${head({ "content-length": 5, "transfer-encoding": "chunked" })}x`), 400);
});

test("a head over maxHeaderBytes gets 413 with an rpc_error body, not a bare 431", async () => {
  assertTlError(await exchange(head({ "x-flood": "y".repeat(4096) })), 413);
  const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x-h${i}`, "v"]));
  assertTlError(await exchange(head(many)), 413);
});

test("a head that does not arrive in time gets 400 with an rpc_error body, not a bare 408", async () => {
  const started = performance.now();
  assertTlError(await exchange("POST /rpc HTTP/1.1\r\nhost: x\r\n"), 400);
  assert.ok(performance.now() - started < 3_000);
});

test("a body that does not arrive in time gets 400 with an rpc_error body", async () => {
  assertTlError(await exchange(`${head({ "content-length": 100 })}{"_":`), 400);
});

test("a declared Content-Length over the limit is refused before any body is sent", async () => {
  const socket = await open(port());
  const answer = readAnswer(socket);
  socket.write(head({ "content-length": 99_999_999_999 }));
  assertTlError(await answer, 413);
  socket.destroy();
  // With Expect: 100-continue the server says no instead of asking for the body.
  const asked = await exchange(head({ "content-length": 10_000_000, expect: "100-continue" }));
  assertTlError(asked, 413);
});

test("a large upload, sent whole or streamed, reads its 413, not a reset, and the server stays up", async () => {
  for (let round = 0; round < 3; round++) {
    const body = Buffer.alloc(8 * 1024 * 1024, "x");
    const answer = await exchange(
      Buffer.concat([Buffer.from(head({ "content-length": body.length })), body]),
    );
    assertTlError(answer, 413);
  }
  // A client still writing when the server gives up on its body: the server keeps reading (and
  // dropping) for a while after its 413, so no reset can overtake the answer.
  const socket = await open(port(), true);
  const errors: string[] = [];
  socket.on("error", (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  const answer = readAnswer(socket);
  socket.write(head({ "content-length": 64 * 1024 * 1024 }));
  const chunk = Buffer.alloc(64 * 1024, "x");
  const writer = setInterval(() => socket.writable && socket.write(chunk), 1);
  assertTlError(await answer, 413);
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(writer);
  socket.destroy();
  assert.deepEqual(errors, [], "no reset within 300 ms of the answer");
  assert.equal((await server.call(a, { _: "updates.getState" })).status, 200);
});

test("after a refused body that ends within bounds, the connection serves the next request", async () => {
  const socket = await open(port());
  const body = Buffer.alloc(300 * 1024, "x");
  let answer = readAnswer(socket);
  socket.write(Buffer.concat([Buffer.from(head({ "content-length": body.length })), body]));
  assertTlError(await answer, 413);
  const call = JSON.stringify({ _: "updates.getState" });
  answer = readAnswer(socket);
  socket.write(`${head({ "content-length": call.length, authorization: `Bearer ${a.key}` })}${call}`);
  const next = await answer;
  socket.destroy();
  assert.equal(next.status, 200, JSON.stringify(next));
  assert.equal((JSON.parse(next.body) as Body)._, "updates.state");
});
