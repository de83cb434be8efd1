// `tl-conformance server`'s MTProto flags, through the command: --print-rsa-public-key prints the
// public half of the key the front end uses (the repository's TEST key, or --rsa-key's), and
// --port 0 --mtproto-port 0 prints the HTTP URL first and the tcp:// URL second, on which a client
// that trusts only the printed public key makes an auth key and gets an answer.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { MtprotoBinding } from "../../../src/bindings/mtproto/mtproto_binding.ts";
import { Transcript } from "../../../src/client/index.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = ["--import", "tsx", "src/cli/main.ts", "server"];
const der = (key: KeyObject) => key.export({ type: "spki", format: "der" }).toString("hex");

function printedKey(args: string[]): KeyObject {
  const run = spawnSync(process.execPath, [...CLI, ...args, "--print-rsa-public-key"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^-----BEGIN RSA PUBLIC KEY-----\n[\s\S]+-----END RSA PUBLIC KEY-----\n$/);
  return createPublicKey(run.stdout);
}

test("--print-rsa-public-key prints the TEST key's public half, or that of --rsa-key's key; an unreadable key is exit 2", () => {
  const testKey = createPublicKey(readFileSync(join(root, "schema/mtproto-test-rsa-key.pub.pem"), "utf8"));
  assert.equal(der(printedKey([])), der(testKey));

  const own = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const file = join(mkdtempSync(join(tmpdir(), "tlc-rsa-")), "server.pem");
  writeFileSync(file, own.privateKey.export({ type: "pkcs8", format: "pem" }));
  assert.equal(der(printedKey(["--rsa-key", file])), der(own.publicKey));

  const missing = spawnSync(
    process.execPath,
    [...CLI, "--rsa-key", `${file}.none`, "--print-rsa-public-key"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--rsa-key: cannot read /);
});

test("--port 0 --mtproto-port 0 prints the HTTP URL, then the tcp:// URL, which answers a client trusting the printed key", async () => {
  const own = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const file = join(mkdtempSync(join(tmpdir(), "tlc-rsa-")), "server.pem");
  writeFileSync(file, own.privateKey.export({ type: "pkcs8", format: "pem" }));
  const child = spawn(process.execPath, [...CLI, "--port", "0", "--mtproto-port", "0", "--rsa-key", file], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const binding = (url: string) =>
    new MtprotoBinding(
      {
        target: url,
        rsaPublicKeyPem: own.publicKey.export({ type: "spki", format: "pem" }).toString(),
        timeoutMs: 5000,
      },
      new Transcript(),
    );
  let opened: MtprotoBinding | undefined;
  try {
    const lines = await new Promise<string[]>((resolve) => {
      let text = "";
      child.stdout.on("data", (d: Buffer) => {
        text += d.toString();
        const got = text.split("\n").filter(Boolean);
        if (got.length >= 2) resolve(got);
      });
    });
    assert.match(lines[0] ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(lines[1] ?? "", /^tcp:\/\/127\.0\.0\.1:\d+$/);
    opened = binding(lines[1] ?? "");
    const answer = await opened
      .openSession()
      .call(
        { _: "auth.sendCode", phone_number: "9996612345", sms_type: 0, api_id: 1, api_hash: "t" },
        { layer: 1, role: "A" },
      );
    assert.equal(answer.rpcError, undefined, answer.bodyText);
    assert.equal((answer.body as { _: string })._, "auth.sentCode");
  } finally {
    opened?.close();
    child.kill("SIGTERM");
  }
});
