// The choice of an idle worker's next scenario (setup_affinity.ts), driven the way cucumber's
// coordinator asks (lib/runtime/parallel/adapter.js in @cucumber/cucumber 12: on each finished
// scenario, every idle worker is offered the remaining scenarios in list order until one is
// allowed; with none allowed and none running, the first is handed out anyway).
import assert from "node:assert/strict";
import { test } from "node:test";
import { type PlannedScenario, SetupAffinity } from "./setup_affinity.ts";

const IMPORT = "A has B's number in contacts";
const MEET = "A and B met in a chat made by C";
const BOTH = "A and B have each other's numbers";
const SEND = "A messages B by messages.sendMessage at layer 3";

/** A run's list: set-ups in runs of a few scenarios, as the features come. */
function plan(): PlannedScenario[] {
  const kinds = [[IMPORT, MEET], [MEET], [BOTH], [IMPORT], [MEET], [IMPORT, MEET], []];
  return Array.from({ length: 120 }, (_, i) => ({
    id: `s${i}`,
    steps: [...(kinds[Math.floor(i / 5) % kinds.length] as string[]), SEND],
  }));
}

const setupOf = (scenarios: readonly PlannedScenario[]) => {
  const byId = new Map(scenarios.map((s) => [s.id, s.steps.filter((t) => t !== SEND).join(" / ")]));
  return (id: string) => byId.get(id) as string;
};

interface Run {
  /** Each worker's scenarios, in order. */
  ran: string[][];
  /** Hand-outs made without an allowed scenario (cucumber's way out). */
  forced: number;
  /** Hand-outs of another set-up than the worker's last while one like it was still to run. */
  needless: number;
}

type CanAssign = (id: string, inProgress: readonly string[]) => boolean;

/** Runs the list on `workers` workers whose scenarios end in a seeded random order. */
function coordinate(scenarios: readonly PlannedScenario[], workers: number, canAssign: CanAssign): Run {
  const setup = setupOf(scenarios);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const todo = scenarios.map((s) => s.id);
  const inProgress = new Map<number, string>();
  const run: Run = { ran: Array.from({ length: workers }, () => []), forced: 0, needless: 0 };
  const giveWork = (worker: number, force: boolean): void => {
    if (todo.length === 0) return;
    const index = force ? 0 : todo.findIndex((id) => canAssign(id, [...inProgress.values()]));
    if (index === -1) return;
    const ran = run.ran[worker] as string[];
    const last = ran.at(-1);
    const [id] = todo.splice(index, 1) as [string];
    if (last !== undefined && setup(id) !== setup(last) && todo.some((other) => setup(other) === setup(last)))
      run.needless += 1;
    inProgress.set(worker, id);
    ran.push(id);
  };
  const awaken = (trigger: number): void => {
    for (let w = 0; w < workers; w++) if (!inProgress.has(w)) giveWork(w, false);
    if (inProgress.size === 0 && todo.length > 0) {
      run.forced += 1;
      giveWork(trigger, true);
    }
  };
  for (let w = 0; w < workers; w++) awaken(w);
  while (inProgress.size > 0) {
    const running = [...inProgress.keys()];
    const done = running[Math.floor(random() * running.length)] as number;
    inProgress.delete(done);
    awaken(done);
  }
  return run;
}

function affinityOf(scenarios: readonly PlannedScenario[]): SetupAffinity {
  const affinity = new SetupAffinity();
  for (const scenario of scenarios) affinity.add(scenario);
  return affinity;
}

function assertEachRanOnce(scenarios: readonly PlannedScenario[], run: Run): void {
  const all = run.ran.flat();
  assert.equal(all.length, scenarios.length);
  assert.deepEqual(new Set(all), new Set(scenarios.map((s) => s.id)));
}

test("every scenario runs once, none by force, and a worker keeps its set-up while one like it remains", () => {
  const scenarios = plan();
  for (const workers of [2, 8, 16]) {
    const affinity = affinityOf(scenarios);
    const run = coordinate(scenarios, workers, (id, running) => affinity.canAssign(id, running));
    assertEachRanOnce(scenarios, run);
    assert.equal(run.forced, 0, `${workers} workers: none was handed a scenario by force`);
    assert.equal(run.needless, 0, `${workers} workers: no needless change of set-up`);
  }
  // What cucumber does alone, for comparison: the check above can fail.
  const alone = coordinate(scenarios, 8, () => true);
  assertEachRanOnce(scenarios, alone);
  assert.ok(alone.needless > 20, `cucumber alone changes set-up needlessly ${alone.needless} times`);
});

test("scenarios outside the list, and a hand-out made without asking, change nothing but the order", () => {
  const scenarios = plan();
  const affinity = affinityOf(scenarios.slice(0, 60));
  let asked = 0;
  const run = coordinate(scenarios, 8, (id, running) => {
    asked += 1;
    // Every 25th question, cucumber's answer is taken as if the scenario had been handed out
    // without asking (the affinity learns of it only from `inProgress`).
    return asked % 25 === 0 ? true : affinity.canAssign(id, running);
  });
  assertEachRanOnce(scenarios, run);
  assert.equal(run.forced, 0);
});

test("without a list every scenario is allowed", () => {
  const affinity = new SetupAffinity();
  assert.equal(affinity.canAssign("s1", []), true);
  assert.equal(affinity.canAssign("s2", ["s1"]), true);
});

test("a target handed out unasked and ended unseen is passed over in the same round", () => {
  const list = [
    { id: "a", steps: [IMPORT, SEND] },
    { id: "b", steps: [MEET, SEND] },
    { id: "c", steps: [MEET, SEND] },
    { id: "d", steps: [IMPORT, SEND] },
    { id: "e", steps: [MEET, SEND] },
  ];
  const affinity = affinityOf(list);
  assert.equal(affinity.canAssign("a", []), true);
  assert.equal(affinity.canAssign("b", ["a"]), true);
  // d goes to a third worker without a question and ends before the next one; then a's worker is
  // idle. It wants a set-up like a's (d's), which is gone: c is refused for d, e is allowed.
  assert.equal(affinity.canAssign("c", ["b"]), false);
  assert.equal(affinity.canAssign("e", ["b"]), true);
  // The next round starts afresh: b's worker is idle, and c (like b) is its pick.
  assert.equal(affinity.canAssign("c", ["e"]), true);
});
