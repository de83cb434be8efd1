// What `tl-conformance replay` does (replay_command.ts registers it): one recorded exchange sent
// again (replay_exchange.ts), its answer printed as TL-JSON with the envelope it came in. Exit 0
// when an answer came (an rpc_error is an answer), 3 when the target faulted, 2 for a wrong call.
import { readFileSync } from "node:fs";
import { TRANSPORTS, type TransportName } from "../bindings/mtproto/transport.ts";
import { closeAgents, InvalidOptionError } from "../client/index.ts";
import type { ConformanceReport } from "../report/index.ts";
import { EXIT_NOT_JUDGED, EXIT_PASSED, EXIT_USAGE } from "./exit_codes.ts";
import { replayExchange } from "./replay_exchange.ts";

export interface ReplayOptions {
  exchange: string;
  scenario?: string;
  target?: string;
  rsaKey?: string;
  transport?: string;
  timeoutMs: string;
}

function readReport(path: string): ConformanceReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InvalidOptionError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = parsed as Partial<ConformanceReport>;
  if (
    report.reportFormat !== 2 ||
    !Array.isArray(report.scenarios) ||
    typeof report.meta?.target !== "string"
  )
    throw new InvalidOptionError(`${path} is not a tl-conformance report.json (reportFormat 2)`);
  return report as ConformanceReport;
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidOptionError(`${name} must be a positive integer`);
  return n;
}

export async function replay(path: string, options: ReplayOptions): Promise<number> {
  let done: Awaited<ReturnType<typeof replayExchange>>;
  try {
    const transport = options.transport;
    if (transport !== undefined && !TRANSPORTS.includes(transport as TransportName))
      throw new InvalidOptionError(`--transport is one of ${TRANSPORTS.join(", ")}`);
    done = await replayExchange(readReport(path), {
      exchange: positive(options.exchange, "--exchange"),
      timeoutMs: positive(options.timeoutMs, "--timeout-ms"),
      ...(options.scenario ? { scenario: options.scenario } : {}),
      ...(options.target ? { target: options.target } : {}),
      ...(options.rsaKey ? { rsaPublicKeyPem: readFileSync(options.rsaKey, "utf8") } : {}),
      ...(transport ? { transport: transport as TransportName } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof InvalidOptionError || (error as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`tl-conformance replay: ${message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof Error && error.name === "TargetError") {
      process.stderr.write(`tl-conformance replay: the target faulted: ${message}\n`);
      return EXIT_NOT_JUDGED;
    }
    throw error;
  } finally {
    await closeAgents();
  }
  const { entry, target, outcome, transcript } = done;
  const sent = transcript.at(-1);
  const lines = [
    `replayed exchange ${entry.seq} (${entry.role} → ${entry.method}, layer ${entry.layer}) to ${target} over ${entry.wire ?? "http-json"}, on a fresh key with no account`,
    `request: ${typeof sent?.request.body === "string" ? sent.request.body : JSON.stringify(sent?.request.body)}`,
    ...(sent?.mtproto ? [`envelope: ${JSON.stringify(sent.mtproto)}`] : []),
    `answer${outcome.rpcError ? ` (rpc_error ${outcome.rpcError.code} ${outcome.rpcError.message})` : ""}:`,
    JSON.stringify(outcome.body, null, 2),
    "recorded answer:",
    entry.response?.bodyText ?? (entry.error ? `${entry.error.code}: ${entry.error.message}` : "(none)"),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return EXIT_PASSED;
}
