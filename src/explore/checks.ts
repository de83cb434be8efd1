// What the explorer compares after every command, each as the suite's step that does it: every
// view of every user against the model (reads.ts readAll: the automatic checks of every answer),
// the checks of the command's own result (a send's result, a card's copy), every user's
// updateContactLink, every link against the table. The reads stay in the log: they teach users
// whom they may address, so a replay needs them. Any other check that passes stays only while
// the server's choice after a delete is still open, since it may narrow that choice too; where
// nothing is open it changes nothing a later step reads.
import { checkAllLinkUpdates, expectEveryLinkFollowsTable, readAll } from "../session/index.ts";
import type { ExploreState } from "./state.ts";

export const VIEWS_STEP = "every view of every user is as the link table says";
export const UPDATES_STEP = "every user got exactly the updateContactLink the link table requires";
export const LINKS_STEP = "every link of every user follows the link table";

/** A check as a step of the suite's language. */
export interface CheckStep {
  text: string;
  run(): unknown;
}

/** Runs a check logged as a step; a passing one stays in the log only if `keep`. */
export async function logged(state: ExploreState, step: CheckStep, keep: boolean): Promise<void> {
  state.log.push({ text: step.text, kind: "check", layer: 1, forwardMessage: false });
  await step.run();
  if (!keep) state.log.pop();
}

export async function checkEverything(state: ExploreState, own: readonly CheckStep[]): Promise<void> {
  const { session } = state;
  await logged(state, { text: VIEWS_STEP, run: () => readAll(session) }, true);
  const rest: CheckStep[] = [
    ...own,
    { text: UPDATES_STEP, run: () => checkAllLinkUpdates(session) },
    { text: LINKS_STEP, run: () => expectEveryLinkFollowsTable(session) },
  ];
  for (const step of rest) await logged(state, step, session.model.openChoices().length > 0);
}
