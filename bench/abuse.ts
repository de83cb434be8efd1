// Abuse: the amplification request of issue 12 (one messages.forwardMessages repeating one id
// 200,000 times, ≈ 400 KiB), then the latency of a steady client alone and while another client
// floods the server with the heaviest requests it can send: that request again, getDifference
// from pts 0, a 1 MiB body, the largest forward the server accepts. The server and the flood run
// in child processes, so that the steady client's event loop does none of the flood's work. On
// a shared machine the latencies carry the scheduler's delays too, so the server's own CPU time
// per heavy request (from /proc, sequential requests) is given as well: it bounds how long one
// such request can hold the server.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { type BenchAccount, rpc, signUp, startBenchTarget } from "./target_process.ts";

const PHASE_S = Number(process.env.BENCH_PHASE_S ?? 6);
const FLOOD_KINDS = [
  "forwardMessages, one id 200,000 times",
  "getDifference from pts 0",
  "sendMessage of 1 MiB",
  "forwardMessages of 100 ids",
];

interface FloodOrder {
  url: string;
  key: string;
  peerId: number;
  firstId: number;
  seconds: number;
}

type Seen = { status: number; bytes: number; ms: number }[];

function heavyBodies(order: FloodOrder): string[] {
  const peer = { _: "inputPeerContact", user_id: order.peerId };
  const ids = (n: number, id: (i: number) => number) => Array.from({ length: n }, (_, i) => id(i));
  return [
    JSON.stringify({ _: "messages.forwardMessages", peer, id: ids(200_000, () => order.firstId) }),
    JSON.stringify({ _: "updates.getDifference", pts: 0, date: 0 }),
    JSON.stringify({
      _: "messages.sendMessage",
      peer,
      message: "x".repeat(1024 * 1024 - 200),
      random_id: "7",
    }),
    JSON.stringify({ _: "messages.forwardMessages", peer, id: ids(100, (i) => order.firstId + i) }),
  ];
}

/** One request; a reset or refused connection is status 0 (a server without limits resets under such load). */
async function post(pool: Pool, key: string, body: string) {
  const started = performance.now();
  try {
    const answer = await pool.request({
      path: "/rpc",
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body,
    });
    const text = await answer.body.text();
    return { status: answer.statusCode, bytes: text.length, text, ms: performance.now() - started };
  } catch {
    return { status: 0, bytes: 0, text: "", ms: performance.now() - started };
  }
}

async function flood(order: FloodOrder): Promise<Seen[]> {
  const pool = new Pool(order.url, { connections: 1 });
  const bodies = heavyBodies(order);
  const seen: Seen[] = bodies.map(() => []);
  const deadline = performance.now() + order.seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const { status, bytes, ms } = await post(pool, order.key, bodies[i % bodies.length] as string);
    seen[i % bodies.length]?.push({ status, bytes, ms });
  }
  await pool.close();
  return seen;
}

if (process.argv[2] === "--flood") {
  // The table only: a list of every request would be megabytes on a fast day.
  const rows = floodRows(await flood(JSON.parse(process.argv[3] ?? "{}") as FloodOrder));
  await new Promise((resolve) => process.stdout.write(rows, resolve));
  process.exit(0);
}

/** The flood's table, once it is over. */
function startFlood(order: FloodOrder): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--import", "tsx", self, "--flood", JSON.stringify(order)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`the flood exited with ${code}`)),
    ),
  );
}

async function steady(pool: Pool, who: BenchAccount, seconds: number): Promise<number[]> {
  const ms: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const call =
      i % 2 === 0
        ? { _: "updates.getState" }
        : { _: "messages.sendMessage", peer: { _: "inputPeerSelf" }, message: "s", random_id: String(i) };
    ms.push((await post(pool, who.key, JSON.stringify(call))).ms);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return ms;
}

function latencyRow(label: string, ms: number[]): string {
  const sorted = [...ms].sort((x, y) => x - y);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN).toFixed(1);
  return `| ${label} | ${sorted.length} | ${at(0.5)} | ${at(0.99)} | ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} |`;
}

function floodRows(seen: Seen[]): string {
  return seen
    .map((runs, i) => {
      const statuses = [...new Set(runs.map((r) => (r.status === 0 ? "reset" : r.status)))].join(", ");
      const largest = Math.max(0, ...runs.map((r) => r.bytes)) / 1024;
      const ms = runs.map((r) => r.ms).sort((x, y) => x - y);
      const median = ms[Math.floor(ms.length / 2)] ?? Number.NaN;
      return `| ${FLOOD_KINDS[i]} | ${runs.length} | ${statuses} | ${largest.toFixed(0)} KiB | ${median.toFixed(1)} |`;
    })
    .join("\n");
}

const target = await startBenchTarget();
try {
  const { a, b } = target;
  // The steady client has a mailbox of its own, so its figures show stalls, not its history.
  const c = await signUp(target.url, "9996630003");
  const self = { _: "inputPeerSelf" };
  const note = await rpc(target.url, a.key, {
    _: "messages.sendMessage",
    peer: self,
    message: "n",
    random_id: "1",
  });
  // A hundred of A's own messages, for the largest forward a bounded server accepts.
  for (let i = 0; i < 99; i++) {
    await rpc(target.url, a.key, { _: "messages.sendMessage", peer: self, message: `n${i}`, random_id: "2" });
  }
  const order = { url: target.url, key: a.key, peerId: b.id, firstId: note.id as number, seconds: PHASE_S };
  const pool = new Pool(target.url, { connections: 2 });
  const rssBefore = target.rssMiB();
  const amplification = heavyBodies(order)[0] as string;
  const once = await post(pool, a.key, amplification);
  const answer = once.status === 200 ? "(stored)" : once.text;
  process.stdout.write(
    `amplification: forwardMessages with one id 200,000 times (${(amplification.length / 1024).toFixed(0)} KiB)\n` +
      "| status | answer | time | server RSS before → after |\n|---|---|---|---|\n" +
      `| ${once.status} ${answer} | ${(once.bytes / 1024).toFixed(0)} KiB | ${once.ms.toFixed(1)} ms | ${rssBefore.toFixed(0)} → ${target.rssMiB().toFixed(0)} MiB |\n\n`,
  );
  const cpuRows: string[] = [];
  for (const [i, body] of heavyBodies(order).entries()) {
    // 50 of each, or as many as 5 s allow: a server without limits takes seconds per request.
    const cpu = target.cpuMs();
    const started = performance.now();
    let runs = 0;
    while (runs < 50 && (runs === 0 || performance.now() - started < 5_000)) {
      await post(pool, a.key, body);
      runs += 1;
    }
    const wall = (performance.now() - started) / runs;
    const used = (target.cpuMs() - cpu) / runs;
    cpuRows.push(`| ${FLOOD_KINDS[i]} | ${runs} | ${used.toFixed(1)} | ${wall.toFixed(1)} |`);
  }
  process.stdout.write(
    "server CPU per heavy request, sequential requests of each\n| request | sent | server CPU ms | wall ms |\n|---|---|---|---|\n" +
      `${cpuRows.join("\n")}\n\n`,
  );
  const alone = await steady(pool, c, PHASE_S);
  const flooded = startFlood(order);
  const beside = await steady(pool, c, PHASE_S);
  process.stdout.write(
    `steady client (getState / sendMessage, 5 ms apart), ${PHASE_S} s alone, then ${PHASE_S} s beside the flood\n` +
      "| phase | requests | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n" +
      `${latencyRow("alone", alone)}\n${latencyRow("beside the flood", beside)}\n\n` +
      "the flood, one request after the other\n| request | sent | status | largest answer | median ms |\n|---|---|---|---|---|\n" +
      `${await flooded}\n\nserver RSS at the end: ${target.rssMiB().toFixed(0)} MiB\n`,
  );
  await pool.close();
} finally {
  target.stop();
}
