// Per-call harness overhead: a call through the binding client with every automatic check (the
// declared layer's schema, the layer gate, the privacy scan) and the transcript, against a bare
// undici request for the same body to the same server. Rounds alternate between the three ways
// so that the server warming up over time favours none of them; medians are reported.
import { request } from "undici";
import { BindingClient, closeAgents, Transcript } from "../src/client/index.ts";
import { checkPrivacy, checkSchema } from "../support/answer_checks.ts";
import { startBenchTarget } from "./target_process.ts";

const CALLS = 1000;
const ROUNDS = 7;
const target = await startBenchTarget();
const headers = { authorization: `Bearer ${target.a.key}`, "content-type": "application/json" };
const forbidden = new Map([["9996699999", "X"]]);

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

async function bare(call: object): Promise<number> {
  const body = JSON.stringify({ _: "invokeWithLayer3", query: call });
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const answer = await request(`${target.url}/rpc`, { method: "POST", headers, body });
    JSON.parse(await answer.body.text());
  }
  return (performance.now() - start) / CALLS;
}

async function harness(call: { _: string }, checks: boolean): Promise<number> {
  const client = new BindingClient({ target: target.url }, new Transcript());
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const answer = await client.call(call, { role: "A", key: target.a.key, layer: 3 });
    if (checks) {
      checkSchema(call._, 3, answer.body, "A");
      checkPrivacy(call._, answer, "A", forbidden, undefined);
    }
    // A scenario's transcript is serialized once, when it ends; a scenario makes about 20 calls.
    if (client.transcript.entries.length === 20) {
      client.transcript.serialize("bench");
      client.transcript.entries.length = 0;
    }
  }
  return (performance.now() - start) / CALLS;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

const calls = [
  { _: "users.getFullUser", id: { _: "inputUserContact", user_id: target.b.id } },
  { _: "updates.getDifference", pts: 0, date: 0 },
];
const rows: string[] = [];
try {
  for (const call of calls) {
    await bare(call);
    await harness(call, true);
    const times = { bare: [] as number[], client: [] as number[], full: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.bare.push(await bare(call));
      times.client.push(await harness(call, false));
      times.full.push(await harness(call, true));
    }
    const [b, c, f] = [median(times.bare), median(times.client), median(times.full)];
    rows.push(`| ${call._} | ${b.toFixed(3)} | ${c.toFixed(3)} | ${f.toFixed(3)} | ${(f / b).toFixed(2)}× |`);
  }
  process.stdout.write(
    `mean ms per call, median of ${ROUNDS} alternating rounds of ${CALLS} sequential calls\n` +
      "| call | bare undici | binding client + transcript | + schema and privacy checks | ratio to bare |\n|---|---|---|---|---|\n" +
      `${rows.join("\n")}\n`,
  );
} finally {
  await closeAgents();
  target.stop();
}
