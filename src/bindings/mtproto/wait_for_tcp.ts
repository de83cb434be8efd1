// An MTProto target has no /health: before a run, its port must accept a TCP connection (tried
// again until `timeoutMs`); TARGET_UNREACHABLE when it never does.
import { connect } from "node:net";
import { TargetError } from "../../client/errors.ts";
import { parseTcpTarget } from "./mtproto_binding.ts";

function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (problem: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => done("no answer"), timeoutMs);
    socket.once("connect", () => done(undefined));
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

export async function waitForTcp(target: string, timeoutMs: number): Promise<void> {
  const { host, port } = parseTcpTarget(target);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const left = deadline - performance.now();
    const problem = await tryConnect(host, port, Math.max(100, Math.min(2000, left)));
    if (problem === undefined) return;
    if (performance.now() + 200 > deadline)
      throw new TargetError(
        "TARGET_UNREACHABLE",
        `${target} accepts no TCP connection (${problem}) within ${timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
