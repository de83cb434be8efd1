// The set-up steps a scenario may begin with, as one table: their cucumber expressions (those of
// the step definitions in steps/accounts.ts, which are written out there as literals for the
// editor's Cucumber extension; test/session/setup_steps.test.ts checks both agree) and the set-up work
// each stands for. Before a scenario runs, its leading steps are read against the table, so the
// set-up pool (./setup_pool.ts) can hand it that set-up run ahead. Plain strings and regular
// expressions: no cucumber here.
import type { SetupOp } from "./setup_pool.ts";

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

function setupOpsOf(text: string): SetupOp[] | undefined {
  for (const { step, regexp } of MATCHERS) {
    const match = regexp.exec(text);
    if (match) return step.ops(match.slice(1));
  }
  return undefined;
}

/** How many of a scenario's steps, from its first, are set-up steps. */
export function leadingSetupSteps(stepTexts: readonly string[]): number {
  const at = stepTexts.findIndex((text) => setupOpsOf(text) === undefined);
  return at === -1 ? stepTexts.length : at;
}

/**
 * A sequence of set-up work as one key: the set-up pool keeps a queue per key, and the choice of
 * a worker's next scenario (setup_affinity.ts) matches scenarios on it.
 */
export const setupKey = (ops: readonly SetupOp[]): string => JSON.stringify(ops);

/** The set-up work of a scenario's leading set-up steps (its Background's first), in order. */
export function leadingSetup(stepTexts: readonly string[]): SetupOp[] {
  return stepTexts.slice(0, leadingSetupSteps(stepTexts)).flatMap((text) => setupOpsOf(text) ?? []);
}
