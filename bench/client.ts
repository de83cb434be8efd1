// Per-call harness overhead: a call through the session with every automatic check (the
// declared layer's schema, the layer gate, every User object against the link model, the privacy
// scan in any writing) and the transcript, against a bare
// undici request for the same body to the same server. Rounds alternate between the three ways
// so that the server warming up over time favours none of them; medians are reported. Wall time
// on loopback is noisy on a shared machine (±30% between runs), so the CPU time this process
// spends per call, the harness's own work, is reported beside it.
import { request } from "undici";
import { HttpJsonBinding } from "../src/bindings/index.ts";
import { BindingClient, closeAgents, Transcript } from "../src/client/index.ts";
import { ConformanceSession, importNumber } from "../src/session/index.ts";
import { startBenchTarget } from "./target_process.ts";

const CALLS = 250;
const ROUNDS = 31;
const target = await startBenchTarget();
const headers = { authorization: `Bearer ${target.a.key}`, "content-type": "application/json" };
// The checked path: a session whose A has B in contacts and a stranger C (whose phone the scan
// looks for in every answer).
const session = new ConformanceSession({
  binding: new HttpJsonBinding({ target: target.url }, new Transcript()),
});
await importNumber(session, "A", "B");
await session.actor("C");
const sessionB = await session.actor("B");

for (let i = 0; i < 20; i++) {
  const send = {
    _: "messages.sendMessage",
    peer: { _: "inputPeerContact", user_id: target.b.id },
    message: `seed ${i}`,
    random_id: String(i + 1),
  };
  await request(`${target.url}/rpc`, { method: "POST", headers, body: JSON.stringify(send) }).then((r) =>
    r.body.text(),
  );
}

interface Cost {
  wallMs: number;
  cpuMs: number;
}

async function timed(loop: () => Promise<void>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await loop();
  const used = process.cpuUsage(cpu);
  return { wallMs: (performance.now() - start) / CALLS, cpuMs: (used.user + used.system) / 1000 / CALLS };
}

function bare(call: object): Promise<Cost> {
  const body = JSON.stringify({ _: "invokeWithLayer3", query: call });
  return timed(async () => {
    for (let i = 0; i < CALLS; i++) {
      const answer = await request(`${target.url}/rpc`, { method: "POST", headers, body });
      JSON.parse(await answer.body.text());
    }
  });
}

function harness(call: { _: string }): Promise<Cost> {
  // A client and its transcript per 20 calls, as a scenario of the suite has.
  let client = new BindingClient({ target: target.url }, new Transcript());
  return timed(async () => {
    for (let i = 0; i < CALLS; i++) {
      await client.call(call, { role: "A", key: target.a.key, layer: 3 });
      // A passing scenario attaches only the count of its exchanges.
      if (client.transcript.entries.length === 20) {
        client.transcript.summary("bench");
        client = new BindingClient({ target: target.url }, new Transcript());
      }
    }
  });
}

function checked(call: { _: string; [field: string]: unknown }): Promise<Cost> {
  return timed(async () => {
    for (let i = 0; i < CALLS; i++) await session.rpc("A", call, 3);
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

// The session's own users: the bare and client loops call as the target's seeded user A with
// its own contact B; the checked loop as the session's A (same shapes of answer).
const calls = [
  { _: "users.getFullUser", id: { _: "inputUserContact", user_id: target.b.id } },
  { _: "updates.getDifference", pts: 0, date: 0 },
];
const sessionCalls: Record<string, { _: string; [field: string]: unknown }> = {
  "users.getFullUser": { _: "users.getFullUser", id: { _: "inputUserContact", user_id: sessionB.id } },
  "updates.getDifference": { _: "updates.getDifference", pts: 0, date: 0 },
};
const rows: string[] = [];
try {
  for (const call of calls) {
    const own = sessionCalls[call._] as { _: string; [field: string]: unknown };
    await bare(call);
    await checked(own);
    const costs = { bare: [] as Cost[], client: [] as Cost[], full: [] as Cost[] };
    for (let round = 0; round < ROUNDS; round++) {
      costs.bare.push(await bare(call));
      costs.client.push(await harness(call));
      costs.full.push(await checked(own));
    }
    const wall = (list: Cost[]) => median(list.map((c) => c.wallMs));
    const cpu = (list: Cost[]) => median(list.map((c) => c.cpuMs));
    const [b, c, f] = [wall(costs.bare), wall(costs.client), wall(costs.full)];
    const [bc, fc] = [cpu(costs.bare), cpu(costs.full)];
    rows.push(
      `| ${call._} | ${b.toFixed(3)} | ${c.toFixed(3)} | ${f.toFixed(3)} | ${(f / b).toFixed(2)}× | ${bc.toFixed(3)} | ${fc.toFixed(3)} | ${(fc / bc).toFixed(2)}× |`,
    );
  }
  process.stdout.write(
    `ms per call, median of ${ROUNDS} alternating rounds of ${CALLS} sequential calls\n` +
      "| call | wall: bare undici | wall: binding client + transcript | wall: session with every check | wall ratio | cpu: bare | cpu: harness | cpu ratio |\n" +
      "|---|---|---|---|---|---|---|---|\n" +
      `${rows.join("\n")}\n`,
  );
} finally {
  await closeAgents();
  target.stop();
}
