// Placeholders in the request bodies of error scenarios, so a feature can say "B's id" without
// knowing it: {{id B}}, {{phone B}}, {{hash B}} (the caller's own access_hash for B),
// {{wrong hash B}} (a hash this caller was never given), {{long}} (a fresh random long).
import { type ConformanceSession, otherHash, randomLong, ScenarioError } from "../src/session/index.ts";

const PLACEHOLDER = /\{\{\s*(id|phone|hash|wrong hash|long)(?:\s+([A-E]))?\s*\}\}/g;

export async function fillTemplate(
  session: ConformanceSession,
  caller: string | undefined,
  text: string,
): Promise<string> {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [whole, what = "", role] = match;
    out += text.slice(last, match.index);
    last = (match.index ?? 0) + whole.length;
    if (what === "long") {
      out += randomLong();
      continue;
    }
    if (!role) throw new ScenarioError(`placeholder ${whole} needs a user (A to E)`);
    const other = await session.actor(role);
    if (what === "id") out += String(other.id);
    else if (what === "phone") out += other.phone;
    else {
      const view = caller === undefined ? undefined : (await session.actor(caller)).views.get(other.id);
      const hash = typeof view?.access_hash === "string" ? view.access_hash : undefined;
      if (hash === undefined) throw new ScenarioError(`${caller ?? "nobody"} has no access_hash for ${role}`);
      out += what === "hash" ? hash : otherHash(hash);
    }
  }
  return out + text.slice(last);
}
