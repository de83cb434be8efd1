// TL toolchain benchmark: parse + schema derivation for the three layers; the validators a suite
// run uses, compiled by Ajv at run time against loaded from the generated file; validations per
// second of a typical statedMessageLink.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Layer } from "../src/tl/types.ts";

const self = fileURLToPath(import.meta.url);

// The definitions a whole suite run validates against, recorded from a run of the suite at
// fc8171a (server and harness in one process): params and result of each method at the layers
// the scenarios call it, and rpc_error. The suite changes; the "every call" set below does not.
const AT_EVERY_LAYER = ["messages.forwardMessages", "messages.sendMedia", "messages.sendMessage"];
const AT_LAYER_1 = [
  "auth.sendCode",
  "auth.signIn",
  "auth.signUp",
  "contacts.deleteContact",
  "contacts.deleteContacts",
  "contacts.getContacts",
  "contacts.importContacts",
  "messages.createChat",
  "messages.getDialogs",
  "updates.getDifference",
  "users.getFullUser",
  "users.getUsers",
];
const RUN_METHODS: [Layer, string][] = [
  ...AT_EVERY_LAYER.flatMap((m) => ([1, 2, 3] as const).map((layer): [Layer, string] => [layer, m])),
  ...AT_LAYER_1.map((m): [Layer, string] => [1, m]),
  [3, "messages.forwardMessage"],
];

function paramsAndResults(methods: [Layer, string][]): [Layer, string][] {
  return [
    ...methods.flatMap(([layer, m]): [Layer, string][] => [
      [layer, `method:${m}`],
      [layer, `result:${m}`],
    ]),
    [1, "rpc_error"],
  ];
}

/** `run`: what a suite run uses; `all`: params and result of every method of every layer. */
async function definitions(set: string): Promise<[Layer, string][]> {
  if (set === "run") return paramsAndResults(RUN_METHODS);
  const { loadLayerTl } = await import("../src/tl/layers.ts");
  const { isGeneric } = await import("../src/tl/derive_schema.ts");
  const every = ([1, 2, 3] as const).flatMap((layer) =>
    loadLayerTl(layer)
      .functions.filter((f) => !isGeneric(f))
      .map((f): [Layer, string] => [layer, f.name]),
  );
  return paramsAndResults(every);
}

if (process.argv[2] === "--cold") {
  // One cold measurement, in a fresh process: module load excluded, everything else included.
  const keys = await definitions(process.argv[3] ?? "run");
  const { loadLayerTl } = await import("../src/tl/layers.ts");
  const { layerDocument, compiledDefinitionValidator } = await import("../src/tl/schema_registry.ts");
  const t0 = performance.now();
  for (const layer of [1, 2, 3] as const) loadLayerTl(layer);
  const t1 = performance.now();
  for (const layer of [1, 2, 3] as const) layerDocument(layer);
  const t2 = performance.now();
  for (const [layer, key] of keys) compiledDefinitionValidator(layer, key);
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ parse: t1 - t0, derive: t2 - t1, compile: t3 - t2 }));
  process.exit(0);
}

if (process.argv[2] === "--cold-load") {
  // The same definitions from the generated file, in a fresh process; no document is derived.
  const keys = await definitions(process.argv[3] ?? "run");
  const { precompiledValidator } = await import("../src/tl/precompiled.ts");
  const t0 = performance.now();
  for (const [layer, key] of keys)
    if (!precompiledValidator(layer, key)) throw new Error(`no generated validator for ${layer} ${key}`);
  process.stdout.write(JSON.stringify({ load: performance.now() - t0 }));
  process.exit(0);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

function cold<T>(mode: string, set: string): T[] {
  return Array.from({ length: 5 }, () => {
    const out = spawnSync(process.execPath, ["--import", "tsx", self, mode, set], { encoding: "utf8" });
    return JSON.parse(out.stdout) as T;
  });
}
const runs = cold<{ parse: number; derive: number; compile: number }>("--cold", "run");
const loads = cold<{ load: number }>("--cold-load", "run");
const everyCompile = cold<{ compile: number }>("--cold", "all");
const everyLoad = cold<{ load: number }>("--cold-load", "all");
const runCount = (await definitions("run")).length;
const everyCount = (await definitions("all")).length;

const { layerSchema } = await import("../src/tl/index.ts");
const { STATED_MESSAGE_LINK: typical } = await import("./typical_values.ts");
const l3 = layerSchema(3);
if (!l3.validateResult("messages.sendMedia", typical).ok) throw new Error("the typical value must be valid");
for (let i = 0; i < 50_000; i++) l3.validateResult("messages.sendMedia", typical);
const rates: number[] = [];
for (let round = 0; round < 5; round++) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 400) {
    for (let i = 0; i < 1000; i++) l3.validateResult("messages.sendMedia", typical);
    n += 1000;
  }
  rates.push(n / ((performance.now() - start) / 1000));
}

const f = (x: number) => x.toFixed(1);
process.stdout.write("| measure (median of 5, fresh process each) | ms |\n|---|---|\n");
process.stdout.write(`| parse schema/layer1-3.tl | ${f(median(runs.map((r) => r.parse)))} |\n`);
process.stdout.write(
  `| derive the three JSON Schema documents | ${f(median(runs.map((r) => r.derive)))} |\n`,
);
process.stdout.write(
  `| parse + derive (the "schema build") | ${f(median(runs.map((r) => r.parse + r.derive)))} |\n`,
);
process.stdout.write(
  `| Ajv: create, add 3 documents, compile the ${runCount} validators a suite run uses | ${f(median(runs.map((r) => r.compile)))} |\n`,
);
process.stdout.write(
  `| load the same ${runCount} from src/tl/generated/validators.cjs | ${f(median(loads.map((r) => r.load)))} |\n`,
);
process.stdout.write(
  `| compile params and result of every method of every layer (${everyCount}) | ${f(median(everyCompile.map((r) => r.compile)))} |\n`,
);
process.stdout.write(`| load the same ${everyCount} | ${f(median(everyLoad.map((r) => r.load)))} |\n`);
process.stdout.write(
  `\nvalidations/s of a statedMessageLink (1 message, 2 users, 1 link), one core: ${Math.round(median(rates)).toLocaleString("en")}\n`,
);
