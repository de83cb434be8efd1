// The MTProto front end (docs/performance.md, "MTProto front end"): auth key creation on loopback
// (the server's CPU per key, read from /proc) and updates.getState round trips at 32 connections
// over MTProto and over keep-alive HTTP against one server process running both front ends, in
// three rounds of alternating order, reported each and as the median ratio. The
// key exchange is gramjs's (test/server/mtproto/gramjs_client.ts); the load's message crypto uses
// node:crypto directly (the front end's crypto module), so the client is not the bottleneck.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import {
  aesIgeDecrypt,
  aesIgeEncrypt,
  FROM_CLIENT,
  FROM_SERVER,
  messageAesKeyIv,
  messageKey,
} from "../src/server/front_ends/mtproto/crypto.ts";
import { layerCodec } from "../src/tl/index.ts";
import { GramjsSession, trustRsaKey } from "../test/server/mtproto/gramjs_client.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const KEYS = 40;
const SECONDS = 3;
const CONCURRENCY = 32;
const ROUNDS = 3;
const codec = layerCodec(1);
const RPC_RESULT = 0xf35c6d01;
const BAD_SERVER_SALT = 0xedab447b;
const UPDATES_STATE = codec.idOf("updates.state");

const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "src/cli/main.ts",
    "server",
    "--port",
    "0",
    "--mtproto-port",
    "0",
    "--max-codes-per-phone",
    "64",
  ],
  { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
);
const [httpUrl, tcpUrl] = await new Promise<string[]>((resolve, reject) => {
  let text = "";
  child.stdout.on("data", (d: Buffer) => {
    text += d.toString();
    const lines = text.split("\n");
    if (lines.length > 2) resolve(lines.slice(0, 2));
  });
  child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
const port = Number(new URL(tcpUrl ?? "").port);
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 ticks per second
};
const pub = await new Promise<string>((resolve) => {
  const printer = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "server", "--print-rsa-public-key"],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let pem = "";
  printer.stdout.on("data", (d: Buffer) => {
    pem += d.toString();
  });
  printer.on("exit", () => resolve(pem));
});
const { createPublicKey } = await import("node:crypto");
const { fingerprintOf } = await import("../src/server/front_ends/mtproto/rsa.ts");
const jwk = createPublicKey(pub).export({ format: "jwk" });
trustRsaKey(pub, fingerprintOf(Buffer.from(jwk.n ?? "", "base64url"), Buffer.from(jwk.e ?? "", "base64url")));

/** A minimal client of one key: encrypts a call, waits for its rpc_result, in order. */
class Client {
  private salt = Buffer.alloc(8);
  private readonly sessionId = randomBytes(8);
  private seq = 0;
  private lastId = 0n;
  private readonly keyId: Buffer;
  private constructor(private readonly s: GramjsSession) {
    this.keyId = Buffer.from(s.keyIdHex, "hex");
  }
  static async make(): Promise<Client> {
    return new Client(await GramjsSession.create(port));
  }
  private msgId(): bigint {
    let id = (BigInt(Date.now()) * 4294967n) & ~3n;
    if (id <= this.lastId) id = this.lastId + 4n;
    this.lastId = id;
    return id;
  }
  /** A call and its decoded result (for sign-up). */
  async call(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = await this.send(codec.encodeCall(request as never));
    return codec.decodeResult(request as never, body.subarray(12)) as Record<string, unknown>;
  }

  /**
   * Sends one encoded call and returns the body of the rpc_result answering it, undecoded (the
   * HTTP side reads its answer as text without parsing it, so this side does not decode either).
   */
  async send(body: Uint8Array): Promise<Buffer> {
    const key = this.s.authKey.getKey();
    for (;;) {
      const msgId = this.msgId();
      const padding = 12 + ((16 - ((32 + body.length + 12) % 16)) % 16);
      const plain = Buffer.alloc(32 + body.length + padding);
      this.salt.copy(plain, 0);
      this.sessionId.copy(plain, 8);
      plain.writeBigInt64LE(msgId, 16);
      plain.writeInt32LE(this.seq * 2 + 1, 24);
      this.seq += 1;
      plain.writeUInt32LE(body.length, 28);
      plain.set(body, 32);
      const msgKey = messageKey(key, plain, FROM_CLIENT);
      const { key: k, iv } = messageAesKeyIv(key, msgKey, FROM_CLIENT);
      await this.s.framed.send(Buffer.concat([this.keyId, msgKey, aesIgeEncrypt(plain, k, iv)]));
      for (;;) {
        const frame = await this.s.framed.recv();
        if (!frame) throw new Error("closed");
        const mk = frame.subarray(8, 24);
        const d = messageAesKeyIv(key, mk, FROM_SERVER);
        const p = aesIgeDecrypt(frame.subarray(24), d.key, d.iv);
        const answer = p.subarray(32, 32 + p.readUInt32LE(28));
        const id = answer.readUInt32LE(0);
        if (id === BAD_SERVER_SALT) {
          answer.copy(this.salt, 0, 20, 28);
          break;
        }
        if (id === RPC_RESULT && answer.readBigInt64LE(4) === msgId) return answer;
      }
    }
  }

  close(): void {
    this.s.close();
  }
}

const phone = (i: number) => `99966${1 + (i % 9)}${String(1000 + i).padStart(4, "0")}`;
async function signUp(client: Client, i: number): Promise<void> {
  const number = phone(i + Math.floor(Math.random() * 5000));
  const sent = await client.call({
    _: "auth.sendCode",
    phone_number: number,
    sms_type: 0,
    api_id: 1,
    api_hash: "b",
  });
  const request = sent.phone_registered ? "auth.signIn" : "auth.signUp";
  const names = request === "auth.signUp" ? { first_name: "B", last_name: "" } : {};
  const code = (number[5] ?? "").repeat(5);
  await client.call({
    _: request,
    phone_number: number,
    phone_code_hash: sent.phone_code_hash,
    phone_code: code,
    ...names,
  });
}

try {
  // Warm-up: the server's JIT and its DH group, then keys one after the other.
  for (const client of await Promise.all([1, 2].map(() => Client.make()))) client.close();
  const cpuBefore = cpuMs();
  const started = performance.now();
  const clients: Client[] = [];
  for (let i = 0; i < KEYS; i += 1) clients.push(await Client.make());
  const keyWall = (performance.now() - started) / KEYS;
  const keyCpu = (cpuMs() - cpuBefore) / KEYS;
  for (const [i, client] of clients.entries()) await signUp(client, i);
  const request = { _: "invokeWithLayer3", query: { _: "updates.getState" } };
  const encoded = codec.encodeCall(request as never);

  const measureMtproto = async () => {
    let count = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const start = performance.now();
    await Promise.all(
      clients.slice(0, CONCURRENCY).map(async (client) => {
        while (performance.now() < deadline) {
          const answer = await client.send(encoded);
          if (answer.readUInt32LE(12) !== UPDATES_STATE)
            throw new Error(`not updates.state: ${answer.toString("hex")}`);
          count += 1;
        }
      }),
    );
    return count / ((performance.now() - start) / 1000);
  };
  const httpKey = randomBytes(32).toString("hex");
  const post = (body: object) =>
    fetch(`${httpUrl}/rpc`, {
      method: "POST",
      headers: { authorization: `Bearer ${httpKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const number = phone(7000 + Math.floor(Math.random() * 900));
  const sent = await post({
    _: "auth.sendCode",
    phone_number: number,
    sms_type: 0,
    api_id: 1,
    api_hash: "b",
  });
  await post({
    _: sent.phone_registered ? "auth.signIn" : "auth.signUp",
    phone_number: number,
    phone_code_hash: sent.phone_code_hash,
    phone_code: (number[5] ?? "").repeat(5),
    ...(sent.phone_registered ? {} : { first_name: "B", last_name: "" }),
  });
  const measureHttp = async () => {
    const pool = new Pool(httpUrl ?? "", { connections: CONCURRENCY, pipelining: 1 });
    const headers = { authorization: `Bearer ${httpKey}`, "content-type": "application/json" };
    const body = JSON.stringify(request);
    let count = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const answer = await pool.request({ path: "/rpc", method: "POST", headers, body });
          await answer.body.text();
          if (answer.statusCode !== 200) throw new Error(`HTTP ${answer.statusCode}`);
          count += 1;
        }
      }),
    );
    const rate = count / ((performance.now() - start) / 1000);
    await pool.close();
    return rate;
  };
  await measureMtproto();
  await measureHttp();
  // Rounds in alternating order (M H, H M, M H): the machine's load moves within seconds, and a
  // ratio of one pair can swing by a third; the median of the rounds' ratios is the figure.
  const rounds: { mtproto: number; http: number; mtprotoCpu: number; httpCpu: number }[] = [];
  const measured = async (measure: () => Promise<number>) => {
    const before = cpuMs();
    const rate = await measure();
    return { rate, cpu: cpuMs() - before };
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    const first = round % 2 === 0 ? measureMtproto : measureHttp;
    const second = round % 2 === 0 ? measureHttp : measureMtproto;
    const a = await measured(first);
    const b = await measured(second);
    const [m, h] = round % 2 === 0 ? [a, b] : [b, a];
    rounds.push({ mtproto: m.rate, http: h.rate, mtprotoCpu: m.cpu, httpCpu: h.cpu });
  }
  const perCall = (ms: number, rate: number) => `${((ms * 1000) / (rate * SECONDS)).toFixed(0)} µs`;
  const calls = (rate: number) => Math.round(rate).toLocaleString("en");
  const ratios = rounds.map((r) => r.mtproto / r.http).sort((x, y) => x - y);
  process.stdout.write(
    `auth key creation, ${KEYS} keys one after another (gramjs client on loopback)\n` +
      `| server CPU per key | wall time per key |\n|---|---|\n| ${keyCpu.toFixed(1)} ms | ${keyWall.toFixed(1)} ms |\n\n` +
      `updates.getState (invokeWithLayer3) at ${CONCURRENCY} connections, ${SECONDS} s per wire per round, one server, ${ROUNDS} rounds in alternating order\n` +
      `| round | MTProto calls/s | HTTP calls/s | ratio | server CPU per call, MTProto | server CPU per call, HTTP |\n|---|---|---|---|---|---|\n` +
      rounds
        .map(
          (r, i) =>
            `| ${i + 1} | ${calls(r.mtproto)} | ${calls(r.http)} | ${(r.mtproto / r.http).toFixed(2)} | ${perCall(r.mtprotoCpu, r.mtproto)} | ${perCall(r.httpCpu, r.http)} |`,
        )
        .join("\n") +
      `\nratio MTProto / HTTP: median ${(ratios[Math.floor(ratios.length / 2)] ?? 0).toFixed(2)} (${(ratios[0] ?? 0).toFixed(2)}–${(ratios[ratios.length - 1] ?? 0).toFixed(2)})\n`,
  );
  for (const client of clients) client.close();
} finally {
  child.kill("SIGTERM");
}
