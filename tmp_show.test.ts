import { test } from "node:test";
import { MUTANTS } from "./test/mutants/catalogue.ts";
import { suiteRunner } from "./test/mutants/run_against.ts";

const run = suiteRunner();
const names = (process.env.MUTANTS ?? "").split(",");
for (const m of MUTANTS.filter((m) => names.includes(m.name))) {
  test(m.name, async () => {
    const s = await m.start();
    const row = await run(s.url);
    console.log(m.name, "fails", m.fails.join(","), "target", m.target);
    for (const sc of row.report.scenarios.filter(
      (x) => x.status !== "passed" && x.status !== "not-applicable",
    ))
      console.log("  ", sc.status, sc.location, sc.requirementIds.join(","), "->", sc.failure?.requirementId);
    await s.close();
  });
}
