// `tl-conformance explore` as a CI script sees it: exit 0 nothing found (SHOULD only: 0 and a
// warning, 1 with --strict), 1 a MUST finding, 2 a wrong call, 3 the target faulted; the last
// stdout line is the count; a printed replay command replays the finding. Each run is a child
// process, as in src/cli/cli.test.ts; the servers it explores run in this process.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { listenOnLoopback } from "../loopback.ts";
import { MUTANTS } from "../mutants/catalogue.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const COUNT_LINE = /^explore: (\d+) runs, (\d+) commands, (\d+) findings$/;

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs explore; with `interrupt`, sends SIGINT once it reports progress, as Ctrl-C would. */
function explore(args: string[], interrupt = false): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "explore", ...args], {
      cwd: root,
    });
    let stdout = "";
    let stderr = "";
    let interrupted = !interrupt;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (interrupted || !/^explore: \d+ runs/m.test(stderr)) return;
      interrupted = true;
      child.kill("SIGINT");
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (...args: string[]) => explore(args);

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";
const reports = () => mkdtempSync(join(tmpdir(), "tlc-explore-"));

async function withMutant<T>(name: string, use: (url: string) => Promise<T>): Promise<T> {
  const mutant = MUTANTS.find((m) => m.name === name);
  assert.ok(mutant, `no mutant ${name}`);
  const server = await mutant.start();
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

test("a wrong call exits 2 with one line and no stack", async () => {
  // Every option's own check is in src/explore/options.test.ts; here, that the command maps them to 2.
  const runs = await Promise.all([cli("--users", "9"), cli("--path", "3:1@AB:C")]);
  for (const run of runs) {
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr.trim().split("\n").length, 1, `one line: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
});

test("nothing found against the embedded server: exit 0, the count last, reports written", async () => {
  const dir = reports();
  const run = await cli("--runs", "2", "--steps", "8", "--seed", "1", "--budget-s", "20", "--reports", dir);
  assert.equal(run.code, 0, run.stderr);
  const count = COUNT_LINE.exec(lastLine(run.stdout));
  assert.ok(count, run.stdout);
  assert.equal(count[1], "2");
  assert.equal(count[3], "0");
  assert.match(run.stderr, /embedded reference server/);
  const json = JSON.parse(readFileSync(join(dir, "explore.json"), "utf8")) as {
    verdict: string;
    totals: { commands: number };
  };
  assert.equal(json.verdict, "PASS");
  assert.equal(String(json.totals.commands), count[2]);
  assert.match(
    readFileSync(join(dir, "explore.html"), "utf8"),
    /tl-conformance explore <span class="v PASS">PASS/,
  );
});

test("a MUST finding exits 1 with the scenario, and its replay command replays it", async () => {
  await withMutant("reveal-on-import", async (url) => {
    const dir = reports();
    const run = await cli("--target", url, "--runs", "2", "--steps", "6", "--seed", "3", "--reports", dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(lastLine(run.stdout), /^explore: \d+ runs, \d+ commands, [1-9]\d* findings$/);
    assert.match(run.stdout, /@REQ-S1-NO-EARLY-REVEAL @must/);
    const replay = /^replay: tl-conformance explore (.*)$/m.exec(run.stdout)?.[1];
    assert.ok(replay, run.stdout);
    const args = replay.split(" ").map((a) => a.replace(/^'(.*)'$/, "$1"));
    const again = await cli(...args, "--reports", dir);
    assert.equal(again.code, 1, again.stderr);
    assert.match(lastLine(again.stdout), /^explore: 1 runs, \d+ commands, 1 findings$/);
    assert.match(again.stdout, /@REQ-S1-NO-EARLY-REVEAL @must/);
    const json = JSON.parse(readFileSync(join(dir, "explore.json"), "utf8")) as {
      verdict: string;
      findings: { key: string; transcript: { entries: unknown[] } }[];
    };
    assert.equal(json.verdict, "FAIL");
    assert.equal(json.findings[0]?.key, "S1-NO-EARLY-REVEAL");
    assert.ok((json.findings[0]?.transcript.entries.length ?? 0) > 0, "the failing run's transcript");
  });
});

test("SHOULD findings alone exit 0 with a warning, and 1 with --strict", async () => {
  await withMutant("no-update-to-peer", async (url) => {
    const args = ["--target", url, "--runs", "2", "--steps", "6", "--seed", "1"];
    const [lenient, strict] = await Promise.all([
      cli(...args, "--reports", reports()),
      cli(...args, "--strict", "--reports", reports()),
    ]);
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(lenient.stderr, /warning: 1 SHOULD findings/);
    assert.match(lenient.stdout, /@REQ-LINK-PEER-UPDATE @should/);
    assert.equal(strict.code, 1, strict.stderr);
  });
});

test("a target that faults, or a run aborted, exits 3: unreachable, an HTML 502, Ctrl-C", async () => {
  const closed = await listenOnLoopback(createServer());
  await closed.close();
  const broken = await listenOnLoopback(
    createServer((req, res) => {
      if (req.url === "/health")
        res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      else res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad Gateway</html>");
    }),
  );
  try {
    const dir = reports();
    const [unreachable, faulting, aborted] = await Promise.all([
      cli("--target", closed.url, "--budget-s", "2", "--reports", reports()),
      cli("--target", broken.url, "--seed", "1", "--budget-s", "10", "--reports", dir),
      explore(["--budget-s", "60", "--seed", "2", "--reports", reports()], true),
    ]);
    assert.equal(aborted.code, 3, aborted.stderr);
    assert.match(aborted.stderr, /explore aborted/);
    assert.match(lastLine(aborted.stdout), COUNT_LINE);
    assert.equal(unreachable.code, 3, unreachable.stderr);
    assert.match(unreachable.stderr, /TARGET_UNREACHABLE/);
    assert.equal(lastLine(unreachable.stdout), "explore: 0 runs, 0 commands, 0 findings");
    assert.equal(faulting.code, 3, faulting.stderr);
    assert.match(faulting.stdout, /the target faulted/);
    const json = JSON.parse(readFileSync(join(dir, "explore.json"), "utf8")) as {
      verdict: string;
      findings: { key: string }[];
    };
    assert.equal(json.verdict, "INCOMPLETE");
    assert.match(json.findings[0]?.key ?? "", /^TARGET_/);
  } finally {
    await broken.close();
  }
});
