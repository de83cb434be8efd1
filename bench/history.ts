// Per-request latency as A's mailbox grows from 1,000 to 100,000 messages: sendMessage,
// getDifference from a recent pts, getDialogs and getState, each as sequential calls. The box
// is filled with forwards of a hundred messages at a time. The caps on what is kept are raised
// (server flags) so that the box really holds what the row says.
import { Pool } from "undici";
import { startBenchTarget } from "./target_process.ts";

const LEVELS = [1_000, 10_000, 100_000];
const CALLS = 300;
const target = await startBenchTarget([
  "--max-messages-per-account",
  "1000000",
  "--max-updates-per-account",
  "1000000",
  "--max-stored-messages",
  "1000000",
  "--max-stored-updates",
  "1000000",
]);
const { a, b } = target;
const pool = new Pool(target.url, { connections: 1 });
const toB = { _: "inputPeerContact", user_id: b.id };

async function call(body: object): Promise<{ ms: number; body: Record<string, unknown> }> {
  const started = performance.now();
  const answer = await pool.request({
    path: "/rpc",
    method: "POST",
    headers: { authorization: `Bearer ${a.key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const parsed = (await answer.body.json()) as Record<string, unknown>;
  if (answer.statusCode !== 200) throw new Error(`HTTP ${answer.statusCode}: ${JSON.stringify(parsed)}`);
  return { ms: performance.now() - started, body: parsed };
}

const send = (i: number) => ({
  _: "messages.sendMessage",
  peer: toB,
  message: `m${i}`,
  random_id: String(i),
});
for (let i = 0; i < 100; i++) await call(send(i));
let stored = 100;
const ids = Array.from({ length: 100 }, (_, i) => i + 1);

function median(values: number[]): number {
  return [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
}

async function timed(body: () => object): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) ms.push((await call(body())).ms);
  const sorted = [...ms].sort((x, y) => x - y);
  return `${median(ms).toFixed(2)} / ${(sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN).toFixed(2)}`;
}

const rows: string[] = [];
try {
  for (const level of LEVELS) {
    while (stored < level) {
      await call({ _: "messages.forwardMessages", peer: toB, id: ids });
      stored += 100;
    }
    let n = stored;
    const sends = await timed(() => send(1_000_000 + n++));
    const state = (await call({ _: "updates.getState" })).body;
    const recent = Math.max(0, (state.pts as number) - 10);
    const cells = [
      sends,
      await timed(() => ({ _: "updates.getDifference", pts: recent, date: 0 })),
      await timed(() => ({ _: "messages.getDialogs", offset: 0, max_id: 0, limit: 100 })),
      await timed(() => ({ _: "updates.getState" })),
    ];
    rows.push(`| ${level.toLocaleString("en")} | ${cells.join(" | ")} | ${target.rssMiB().toFixed(0)} |`);
  }
  process.stdout.write(
    `ms per call (median / p99 of ${CALLS} sequential calls) by messages in A's box\n` +
      "| messages | sendMessage | getDifference (pts − 10) | getDialogs | getState | server RSS MiB |\n|---|---|---|---|---|---|\n" +
      `${rows.join("\n")}\n`,
  );
} finally {
  await pool.close();
  target.stop();
}
