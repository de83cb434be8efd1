// Binary TL codec throughput (layerCodec(3)): encode and decode of a typical statedMessageLink and
// of an updates.getDifference answer of about 4 kB, in objects/s and MB/s, one core.
// JSON.stringify / JSON.parse of the same value are measured beside them as a yardstick (the
// HTTP front end's cost of the same step). Five rounds of 300 ms after a warm-up; median and range.
import { layerCodec } from "../src/tl/index.ts";
import { DIFFERENCE, STATED_MESSAGE_LINK } from "./typical_values.ts";

const ROUNDS = 5;
const ROUND_MS = 300;
const codec = layerCodec(3);

function rates(work: () => void): number[] {
  for (let i = 0; i < 20_000; i++) work();
  return Array.from({ length: ROUNDS }, () => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ROUND_MS) {
      for (let i = 0; i < 200; i++) work();
      n += 200;
    }
    return n / ((performance.now() - start) / 1000);
  });
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? Number.NaN;
const k = (n: number) => `${Math.round(n / 1000).toLocaleString("en")}k`;
const mb = (n: number, size: number) => ((n * size) / 1e6).toFixed(0);

process.stdout.write(
  "| value | operation | objects/s (median, range) | MB/s of TL bytes |\n|---|---|---|---|\n",
);
for (const [name, type, value] of [
  ["statedMessageLink", "messages.StatedMessage", STATED_MESSAGE_LINK],
  ["updates.difference", "updates.Difference", DIFFERENCE],
] as const) {
  const bytes = codec.encode(type, value);
  const text = JSON.stringify(value);
  const label = `${name} (${bytes.length} B TL, ${text.length} B JSON)`;
  for (const [operation, work] of [
    ["encode", () => codec.encode(type, value)],
    ["decode", () => codec.decode(type, bytes)],
    ["JSON.stringify", () => JSON.stringify(value)],
    ["JSON.parse", () => JSON.parse(text)],
  ] as const) {
    const r = rates(work);
    const range = `${k(Math.min(...r))}–${k(Math.max(...r))}`;
    process.stdout.write(
      `| ${label} | ${operation} | ${k(median(r))} (${range}) | ${mb(median(r), bytes.length)} |\n`,
    );
  }
}
