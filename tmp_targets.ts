import { readdirSync, readFileSync } from "node:fs";
import { MUTANTS } from "./test/mutants/catalogue.ts";

const files = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${d}/${e.name}`) : e.name.endsWith(".feature") ? [`${d}/${e.name}`] : [],
  );
const text = files("features")
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
let miss = 0;
for (const m of MUTANTS) {
  const inFails = m.fails.includes(m.target) || m.warns.includes(m.target);
  const tagCount = (text.match(new RegExp(`@REQ-${m.target}\\b`, "g")) ?? []).length;
  if (!inFails) miss++;
  console.log(
    m.name.padEnd(40),
    m.target.padEnd(22),
    inFails ? "" : "TARGET-NOT-FAILED",
    tagCount,
    m.start.toString().slice(0, 40).replace(/\s+/g, " "),
  );
}
console.log("miss", miss, "of", MUTANTS.length);
