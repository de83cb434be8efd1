// The server's options are checked one by one at the boundary, each limit has a server flag, and
// docs/reference-server.md lists every limit with its default.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { createServerState, LIMIT_NAMES, LIMITS, startServer } from "../../src/server/index.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("every limit must be a positive integer, with a message naming it", () => {
  for (const name of LIMIT_NAMES) {
    for (const bad of [0, -1, 1.5, "3", Number.NaN, 2 ** 60]) {
      assert.throws(
        () => createServerState({ [name]: bad }),
        new TypeError(`${name} must be a positive integer`),
      );
    }
    assert.equal(createServerState({ [name]: 7 }).limits[name], 7);
    assert.equal(createServerState().limits[name], LIMITS[name].default);
  }
});

test("the HTTP front end's options are checked too", async () => {
  for (const [options, message] of [
    [{ bodyLimitBytes: 0 }, "bodyLimitBytes must be a positive integer"],
    [{ maxHeaderBytes: -5 }, "maxHeaderBytes must be a positive integer"],
    [{ headersTimeoutMs: 1.5 }, "headersTimeoutMs must be a positive integer"],
    [{ requestTimeoutMs: 0 }, "requestTimeoutMs must be a positive integer"],
    [
      { headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 },
      "headersTimeoutMs must not be above requestTimeoutMs",
    ],
  ] as const) {
    await assert.rejects(startServer(options), new TypeError(message));
  }
});

test("docs/reference-server.md lists every limit with its default", () => {
  const doc = readFileSync(`${root}docs/reference-server.md`, "utf8");
  for (const name of LIMIT_NAMES) {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${name}\``));
    assert.ok(row, `${name} is not in the limits table`);
    assert.ok(row.includes(LIMITS[name].default.toLocaleString("en")), `${name}'s row lacks its default`);
  }
});

test("`tl-conformance server --max-accounts N` takes a limit; a bad value is a usage error", async () => {
  const bad = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "server", "--max-accounts", "x"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--max-accounts must be a positive integer, got "x"/);
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "server",
      "--port",
      "0",
      "--max-accounts",
      "1",
      "--max-chats",
      "2",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const url = await new Promise<string>((resolve) =>
      child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())),
    );
    // With one account kept, a second sign-up forgets the first: the flag reached the server.
    const rpc = async (key: string, body: object) => {
      const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
      const answer = await fetch(`${url}/rpc`, { method: "POST", headers, body: JSON.stringify(body) });
      return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
    };
    const keys = ["a", "b"].map((c) => c.repeat(64));
    for (const [i, key] of keys.entries()) {
      const phone = `999661000${i}`;
      const sent = await rpc(key, {
        _: "auth.sendCode",
        phone_number: phone,
        sms_type: 0,
        api_id: 1,
        api_hash: "t",
      });
      const hash = sent.body.phone_code_hash;
      const call = {
        phone_number: phone,
        phone_code_hash: hash,
        phone_code: "11111",
        first_name: "T",
        last_name: "",
      };
      assert.equal((await rpc(key, { _: "auth.signUp", ...call })).status, 200);
    }
    assert.equal((await rpc(keys[0] as string, { _: "updates.getState" })).status, 401);
    assert.equal((await rpc(keys[1] as string, { _: "updates.getState" })).status, 200);
  } finally {
    child.kill("SIGTERM");
  }
});
