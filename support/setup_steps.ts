// The set-up steps a scenario may begin with, as one table: their cucumber expressions (those of
// the step definitions in steps/accounts.ts, which are written out there as literals for the
// editor's Cucumber extension; support/setup_steps.test.ts checks both agree) and the set-up work
// each stands for. Before a scenario runs, its leading steps are read against the table, so the
// set-up pool (src/session/setup_pool.ts) can hand it that set-up run ahead.
import type { SetupOp } from "../src/session/index.ts";

const ROLE = "([A-E])";

interface SetupStep {
  expression: string;
  ops(roles: string[]): SetupOp[];
}

const role = (roles: string[], i: number) => roles[i] as string;

export const SETUP_STEPS: readonly SetupStep[] = [
  {
    expression: "{role} has {role}'s number in contacts",
    ops: (r) => [{ kind: "import", importer: role(r, 0), owner: role(r, 1) }],
  },
  {
    expression: "{role} and {role} have each other's numbers",
    ops: (r) => [
      { kind: "import", importer: role(r, 0), owner: role(r, 1) },
      { kind: "import", importer: role(r, 1), owner: role(r, 0) },
    ],
  },
  {
    expression: "{role} and {role} met in a chat made by {role}",
    ops: (r) => [{ kind: "meet", members: [role(r, 0), role(r, 1)], maker: role(r, 2) }],
  },
  {
    expression: "{role}, {role} and {role} met in a chat made by {role}",
    ops: (r) => [{ kind: "meet", members: [role(r, 0), role(r, 1), role(r, 2)], maker: role(r, 3) }],
  },
];

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const MATCHERS = SETUP_STEPS.map((step) => ({
  step,
  regexp: new RegExp(`^${step.expression.split("{role}").map(literal).join(ROLE)}$`),
}));

/** The set-up work of a scenario's leading set-up steps (its Background's first), in order. */
export function leadingSetup(stepTexts: readonly string[]): SetupOp[] {
  const ops: SetupOp[] = [];
  for (const text of stepTexts) {
    const found = MATCHERS.map(({ step, regexp }) => ({ step, match: regexp.exec(text) })).find(
      (m) => m.match,
    );
    if (!found?.match) break;
    ops.push(...found.step.ops(found.match.slice(1)));
  }
  return ops;
}
