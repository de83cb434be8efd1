// Explore throughput: commands per second (each command with its checks: every view of every
// user read and compared, the command's own result, updates, links) against the embedded
// reference server in this process, as `tl-conformance explore` runs it by default, over a fixed
// budget of runs (no time limit), a few rounds on different seeds; the CPU time of this process
// per command (harness and server together, steadier than wall time on a shared machine); and
// the calls to the target one command costs, sign-ups and reads included.
import { closeAgents } from "../src/client/index.ts";
import { explore } from "../src/explore/index.ts";
import { startServer } from "../src/server/index.ts";

const ROUNDS = [11, 12, 13];
const BUDGET = { runs: 12, steps: 30 };

const server = await startServer({ debugValidateResponses: true });
const rows: string[] = [];
try {
  // Warm-up: JIT, and the schema validators compile on first use of each method.
  await explore({
    target: server.url,
    users: undefined,
    seed: 1,
    runs: 3,
    steps: 20,
    budgetMs: 60_000,
    path: undefined,
    timeoutMs: 10_000,
    shrink: true,
    maxFindings: Number.POSITIVE_INFINITY,
  });
  for (const seed of ROUNDS) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await explore({
      target: server.url,
      users: undefined,
      seed,
      ...BUDGET,
      budgetMs: 600_000,
      path: undefined,
      timeoutMs: 10_000,
      shrink: true,
      maxFindings: Number.POSITIVE_INFINITY,
    });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (result.findings.length > 0)
      throw new Error(`a finding against the reference server: ${result.findings[0]?.message}`);
    rows.push(
      `| ${seed} | ${result.runs} | ${result.commands} | ${seconds.toFixed(2)} s | ${Math.round(result.commands / seconds)} | ${((seconds * 1000) / result.commands).toFixed(1)} ms | ${(cpuMs / result.commands).toFixed(1)} ms | ${(result.calls / result.commands).toFixed(1)} | ${Math.round(result.calls / seconds)} |`,
    );
  }
} finally {
  await closeAgents();
  await server.close();
}
process.stdout.write(
  `explore against the embedded reference server (in process), ${BUDGET.runs} runs of at most ${BUDGET.steps} commands per seed\n| seed | runs | commands | wall | commands/s | wall per command | CPU per command | calls/command | calls/s |\n|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n`,
);
