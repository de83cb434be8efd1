// LINK-PEER-UPDATE, L3-NO-SELF-UPDATE and S3-STABLE's "no link is reported as changed", over each
// user's whole update stream: every updateContactLink it got, against every change of its links
// the model recorded since the scenario began.
import { checkLinkUpdates, type ReceivedLinkUpdate } from "../model/index.ts";
import type { RequirementId } from "../requirements/index.ts";
import { RequirementFailure } from "./failure.ts";
import { readAll } from "./reads.ts";
import type { ConformanceSession } from "./session.ts";
import { objectsOf, type TlObject } from "./tl_json.ts";

/** The updateContactLink a user's stream holds about users of the scenario, in order. */
export function linkUpdatesIn(session: ConformanceSession, difference: TlObject): ReceivedLinkUpdate[] {
  return objectsOf(difference.other_updates)
    .filter((u) => u._ === "updateContactLink")
    .flatMap((u) => {
      const other = session.nameOf(u.user_id as number);
      return other === undefined ? [] : [{ other, myLink: u.my_link, foreignLink: u.foreign_link }];
    });
}

/** Every user got exactly the updateContactLink the link table requires, and no other. */
export async function checkAllLinkUpdates(
  session: ConformanceSession,
  users?: readonly string[],
): Promise<void> {
  const reads = await readAll(session);
  const noChange: RequirementId = session.pick(["LINK-PEER-UPDATE", "S3-STABLE"]);
  for (const [viewer, read] of reads) {
    if (users && !users.includes(viewer)) continue;
    const mismatch = checkLinkUpdates(
      session.model,
      viewer,
      0,
      linkUpdatesIn(session, read.difference),
      noChange,
    );
    if (!mismatch) continue;
    throw new RequirementFailure(mismatch.requirement, {
      subject: `${viewer}'s updateContactLink about ${mismatch.other} (updates.getDifference from the start)`,
      expected: mismatch.expected,
      actual: mismatch.actual,
      pointer: "/other_updates",
    });
  }
}
