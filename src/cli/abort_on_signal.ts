// SIGINT and SIGTERM during a run: the report is written with verdict INCOMPLETE and the signal
// as its reason, then the process exits with the report's code. A second signal while the
// report is being written exits at once.
export function onAbortSignal(abort: (signal: NodeJS.Signals) => Promise<number>): () => void {
  let aborting = false;
  const handler = (signal: NodeJS.Signals) => {
    if (aborting) process.exit(130);
    aborting = true;
    abort(signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`tl-conformance: the report could not be written: ${String(error)}\n`);
        process.exit(2);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
