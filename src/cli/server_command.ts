// `tl-conformance server [--port N] [--host H] [--max-accounts N ...]`: runs the reference server
// until SIGINT/SIGTERM. The URL is the first line of stdout so scripts can read it (`--port 0`
// picks a free port). Every limit of the server (src/server/limits.ts) has a flag of its name.
import type { Command } from "commander";
import { LIMIT_NAMES, LIMITS, type LimitName, type Limits, startServer } from "../server/index.ts";
import { UsageError } from "./exit_codes.ts";

interface ServerCommandOptions extends Partial<Record<LimitName, string>> {
  port: string;
  host: string;
  debugValidate?: boolean;
  verbose?: boolean;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${text}"`);
  return port;
}

const flagOf = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function parseLimits(options: ServerCommandOptions): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const name of LIMIT_NAMES) {
    const text = options[name];
    if (text === undefined) continue;
    if (!/^[1-9]\d{0,14}$/.test(text))
      throw new UsageError(`${flagOf(name)} must be a positive integer, got "${text}"`);
    limits[name] = Number(text);
  }
  return limits;
}

export function registerServerCommand(program: Command): void {
  const command = program
    .command("server")
    .description("run the reference server (the suite's default target)")
    .option("--port <n>", "TCP port; 0 picks a free one", "0")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--debug-validate", "check every response against the declared layer's schema")
    .option("--verbose", "log one line per request to stderr");
  for (const name of LIMIT_NAMES) {
    command.option(`${flagOf(name)} <n>`, `${LIMITS[name].what} (default ${LIMITS[name].default})`);
  }
  command.action(async (options: ServerCommandOptions) => {
    const server = await startServer({
      ...parseLimits(options),
      port: parsePort(options.port),
      host: options.host,
      debugValidateResponses: options.debugValidate === true,
      onRequest: options.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    });
    process.stdout.write(`${server.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write("reference server: stopping\n");
        server.close().then(resolve, resolve);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  });
}
