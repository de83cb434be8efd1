// Soak: mixed traffic at concurrency 32 for BENCH_SOAK_S seconds (default 60) while the number of
// accounts keeps growing: each worker signs a new account up now and then and talks through it.
// Every 5 s it prints the server's RSS and the requests per second of those 5 s, so a server
// whose memory grows with history, or whose requests slow down as mailboxes grow, shows it.
import { Pool } from "undici";
import { type BenchAccount, importOf, signUp, startBenchTarget } from "./target_process.ts";

const SECONDS = Number(process.env.BENCH_SOAK_S ?? 60);
const CONCURRENCY = 32;
const WINDOW_S = 5;
const target = await startBenchTarget();
const pool = new Pool(target.url, { connections: CONCURRENCY });
let phones = 0;
let requests = 0;
let errors = 0;
const accounts: BenchAccount[] = [target.a, target.b];

/** 99966XYYYY numbers in order, so every sign-up is a new account until the 90,000 run out. */
function nextPhone(): string {
  const n = phones++ + 20_000;
  return `99966${1 + (Math.floor(n / 10_000) % 9)}${String(n % 10_000).padStart(4, "0")}`;
}

async function call(key: string, body: object): Promise<Record<string, unknown>> {
  const answer = await pool.request({
    path: "/rpc",
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const parsed = (await answer.body.json()) as Record<string, unknown>;
  requests += 1;
  if (answer.statusCode !== 200) errors += 1;
  return parsed;
}

interface Me {
  account: BenchAccount;
  peer: BenchAccount;
  pts: number;
}

async function newMe(): Promise<Me> {
  const account = await signUp(target.url, nextPhone());
  requests += 2;
  const peer = accounts[Math.floor(Math.random() * accounts.length)] as BenchAccount;
  await call(account.key, importOf(peer.phone));
  accounts.push(account);
  return { account, peer, pts: 0 };
}

async function step(me: Me, i: number): Promise<void> {
  const roll = i % 20;
  if (roll < 12) {
    const peer = { _: "inputPeerContact", user_id: me.peer.id };
    await call(me.account.key, { _: "messages.sendMessage", peer, message: `m${i}`, random_id: String(i) });
  } else if (roll < 15) {
    const diff = await call(me.account.key, { _: "updates.getDifference", pts: me.pts, date: 0 });
    const state = (diff.state ?? diff.intermediate_state) as { pts: number } | undefined;
    if (state) me.pts = state.pts;
  } else if (roll < 17) {
    await call(me.account.key, { _: "messages.getDialogs", offset: 0, max_id: 0, limit: 20 });
  } else {
    await call(me.account.key, { _: "updates.getState" });
  }
}

async function worker(deadline: number): Promise<void> {
  let me = await newMe();
  for (let i = 1; performance.now() < deadline; i++) {
    // One new account per 1,000 requests of a worker: about 10 a second at 10,000 req/s.
    if (i % 1000 === 0) me = await newMe();
    await step(me, i);
  }
}

const start = performance.now();
const rows: string[] = [];
let last = { at: start, requests: 0 };
function sample(): void {
  const now = performance.now();
  const rate = (requests - last.requests) / ((now - last.at) / 1000);
  last = { at: now, requests };
  const t = Math.round((now - start) / 1000);
  rows.push(
    `| ${t} | ${target.rssMiB().toFixed(0)} | ${Math.round(rate).toLocaleString("en")} | ${accounts.length.toLocaleString("en")} |`,
  );
}
const sampler = setInterval(sample, WINDOW_S * 1000);
try {
  const rssStart = target.rssMiB();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(start + SECONDS * 1000)));
  clearInterval(sampler);
  if (performance.now() - last.at > 1000) sample();
  process.stdout.write(
    `soak: ${SECONDS} s of mixed traffic (60% sendMessage, 15% getDifference, 10% getDialogs, 15% getState, a new account per 1,000 requests a worker) at concurrency ${CONCURRENCY}\n` +
      `server RSS at the start: ${rssStart.toFixed(0)} MiB; ${requests.toLocaleString("en")} requests, ${errors} not 200\n` +
      `| t s | RSS MiB | req/s since the row before | accounts |\n|---|---|---|---|\n${rows.join("\n")}\n`,
  );
} finally {
  clearInterval(sampler);
  await pool.close();
  target.stop();
}
