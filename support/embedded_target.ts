// When cucumber-js runs the features directly (not through `tl-conformance run`) and no target is
// set, the reference server is started in-process so the suite still runs out of the box. Under
// the run command the target comes in worldParameters and is already known to answer.

import { waitForTcp } from "../src/bindings/mtproto/wait_for_tcp.ts";
import { waitForHealth } from "../src/client/index.ts";
import type { RunningMtprotoServer, RunningServer } from "../src/server/index.ts";

let embedded: RunningServer | undefined;
let embeddedMtproto: RunningMtprotoServer | undefined;

export async function ensureTarget(parameters: unknown): Promise<void> {
  const given = typeof parameters === "object" && parameters !== null && "target" in parameters;
  if (given) return;
  if (!process.env.CONFORMANCE_TARGET) {
    // Loaded only here: every cucumber worker loads this file, and under `tl-conformance run`
    // (a target given) none of them needs the server's 126 modules.
    const { startMtprotoServer, startServer } = await import("../src/server/index.ts");
    embedded = await startServer({ debugValidateResponses: true });
    process.env.CONFORMANCE_TARGET = embedded.url;
    // CONFORMANCE_BINDING=mtproto: the same server's MTProto front end is the target.
    if (process.env.CONFORMANCE_BINDING === "mtproto") {
      embeddedMtproto = await startMtprotoServer(embedded.state);
      process.env.CONFORMANCE_TARGET = embeddedMtproto.url;
      process.env.CONFORMANCE_RSA_KEY_PEM = embeddedMtproto.rsaPublicKeyPem;
    }
  }
  const target = process.env.CONFORMANCE_TARGET;
  if (target.startsWith("tcp:")) await waitForTcp(target, 10_000);
  else await waitForHealth(target, { timeoutMs: 10_000 });
}

export async function releaseTarget(): Promise<void> {
  await embeddedMtproto?.close();
  embeddedMtproto = undefined;
  await embedded?.close();
  embedded = undefined;
}
