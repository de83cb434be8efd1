// When cucumber-js runs the features directly (not through `tl-conformance run`) and no target is
// set, the reference server is started in-process so the suite still runs out of the box. Under
// the run command the target comes in worldParameters and is already known to answer.
import { waitForHealth } from "../src/client/index.ts";
import { type RunningServer, startServer } from "../src/server/index.ts";

let embedded: RunningServer | undefined;

export async function ensureTarget(parameters: unknown): Promise<void> {
  const given = typeof parameters === "object" && parameters !== null && "target" in parameters;
  if (given) return;
  if (!process.env.CONFORMANCE_TARGET) {
    embedded = await startServer({ debugValidateResponses: true });
    process.env.CONFORMANCE_TARGET = embedded.url;
  }
  await waitForHealth(process.env.CONFORMANCE_TARGET, { timeoutMs: 10_000 });
}

export async function releaseTarget(): Promise<void> {
  await embedded?.close();
  embedded = undefined;
}
