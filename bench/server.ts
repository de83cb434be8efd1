// Reference server throughput: messages.sendMessage round trips over keep-alive HTTP at
// concurrency 1 and 32, with p50/p99 latency. The server runs in a child process (its own
// core); the load comes from undici in this process.
import { Pool } from "undici";
import { startBenchTarget } from "./target_process.ts";

const SECONDS = 3;
const target = await startBenchTarget();
const body = (i: number) =>
  JSON.stringify({
    _: "messages.sendMessage",
    peer: { _: "inputPeerContact", user_id: target.b.id },
    message: `bench ${i}`,
    random_id: String(i + 1),
  });
const headers = { authorization: `Bearer ${target.a.key}`, "content-type": "application/json" };

async function measure(concurrency: number): Promise<string> {
  const pool = new Pool(target.url, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let sent = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const answer = await pool.request({ path: "/rpc", method: "POST", headers, body: body(sent++) });
      await answer.body.text();
      if (answer.statusCode !== 200) throw new Error(`HTTP ${answer.statusCode}`);
      latencies.push(performance.now() - started);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((x, y) => x - y);
  const at = (q: number) => (latencies[Math.floor(latencies.length * q)] ?? Number.NaN).toFixed(2);
  return `| ${concurrency} | ${Math.round(latencies.length / elapsed).toLocaleString("en")} | ${at(0.5)} | ${at(0.99)} |`;
}

try {
  await measure(8); // warm-up: JIT and the server's first messages
  const rows = [await measure(1), await measure(32)];
  process.stdout.write(
    `messages.sendMessage over keep-alive HTTP, ${SECONDS} s each\n| concurrency | req/s | p50 ms | p99 ms |\n|---|---|---|---|\n${rows.join("\n")}\n`,
  );
} finally {
  target.stop();
}
