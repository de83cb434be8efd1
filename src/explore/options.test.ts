// The explore options at the boundary: each bad one refused with its name, defaults in place,
// the request timeout never past the budget, and --path only with its --seed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InvalidOptionError } from "../client/index.ts";
import { DEFAULTS, type ExploreCommandOptions, exploreSettings } from "./options.ts";
import { formatReplayPath, parseReplayPath, runIndexOf } from "./replay_path.ts";

const base: ExploreCommandOptions = { ...DEFAULTS, reports: "reports" };

test("defaults: embedded target, users drawn per run, a random seed, a budget of at most 30 s", () => {
  const settings = exploreSettings(base);
  assert.equal(settings.target, undefined);
  assert.equal(settings.users, undefined);
  assert.ok(Number.isInteger(settings.seed));
  assert.ok(settings.budgetMs <= 30_000);
  assert.equal(settings.timeoutMs, 10_000);
  assert.equal(exploreSettings({ ...base, budgetS: "2" }).timeoutMs, 2000, "no request outlasts the budget");
  assert.equal(exploreSettings({ ...base, target: "http://x.test:8/" }).target, "http://x.test:8");
});

test("each bad option is refused by name", () => {
  const bad: [Partial<ExploreCommandOptions>, RegExp][] = [
    [{ users: "2" }, /--users must be an integer from 3 to 5/],
    [{ users: "6" }, /--users/],
    [{ steps: "0" }, /--steps/],
    [{ steps: "3.5" }, /--steps/],
    [{ runs: "-1" }, /--runs/],
    [{ budgetS: "0" }, /--budget-s/],
    [{ seed: "x" }, /--seed/],
    [{ seed: "4294967296" }, /--seed/],
    [{ timeoutMs: "0" }, /--timeout-ms/],
    [{ target: "ftp://x" }, /--target must be an http\(s\) URL/],
    [{ path: "1:2@A:B" }, /--path replays a history only with its --seed/],
    [{ path: "garbage", seed: "1" }, /--path must be a path printed by explore/],
  ];
  for (const [options, message] of bad) {
    assert.throws(
      () => exploreSettings({ ...base, ...options }),
      (error: unknown) => {
        assert.ok(error instanceof InvalidOptionError);
        assert.match(error.message, message);
        return true;
      },
    );
  }
});

test("a replay path: fast-check's path and the commands' replay path, joined by @", () => {
  const text = formatReplayPath("12:0:3", 'Inc(1),Inc(2) /*replayPath="BAC:D+/"*/');
  assert.equal(text, "12:0:3@BAC:D+/");
  assert.deepEqual(parseReplayPath(text), { path: "12:0:3", commands: "BAC:D+/" });
  assert.equal(runIndexOf(parseReplayPath(text)), 12);
  assert.equal(formatReplayPath("4", "no replay log"), "4@:");
  assert.deepEqual(parseReplayPath("4@:"), { path: "4", commands: ":" });
  for (const wrong of ["", "@:", "1:@A:B", "1@AB", "1@A:B:C", "a@A:B", `1@${"A".repeat(10)}:"`])
    assert.throws(() => parseReplayPath(wrong), InvalidOptionError, wrong);
});
