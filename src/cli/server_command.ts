// `tl-conformance server [--port N] [--host H] [--mtproto-port N] [--rsa-key FILE] [--max-accounts N ...]`:
// runs the reference server until SIGINT/SIGTERM. The HTTP URL is the first line of stdout so
// scripts can read it (`--port 0` picks a free port); with --mtproto-port the MTProto front end
// runs on the same state and its `tcp://` URL is the second line. `--print-rsa-public-key` prints
// the PEM of the RSA key the MTProto front end would use and exits. Every limit of the server
// (src/server/limits.ts) has a flag of its name.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { TEST_RSA_PRIVATE_KEY_PATH } from "../server/front_ends/mtproto/mtproto_options.ts";
import { loadRsaKey } from "../server/front_ends/mtproto/rsa.ts";
import { LIMIT_NAMES, LIMITS, type LimitName, type Limits } from "../server/limits.ts";
import { UsageError } from "./exit_codes.ts";

interface ServerCommandOptions extends Partial<Record<LimitName, string>> {
  port: string;
  host: string;
  debugValidate?: boolean;
  verbose?: boolean;
  mtprotoPort?: string;
  rsaKey?: string;
  printRsaPublicKey?: boolean;
}

function parsePort(text: string, flag = "--port"): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`${flag} must be an integer from 0 to 65535, got "${text}"`);
  return port;
}

function readRsaKey(path: string | undefined): string {
  const file = path ?? TEST_RSA_PRIVATE_KEY_PATH;
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--rsa-key: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    loadRsaKey(pem);
  } catch (error) {
    throw new UsageError(
      `--rsa-key: ${file} is not an RSA-2048 private key in PEM: ${(error as Error).message}`,
    );
  }
  return pem;
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
    .option("--verbose", "log one line per request to stderr")
    .option("--mtproto-port <n>", "also serve MTProto 2.0 over TCP on this port (0 picks a free one)")
    .option("--rsa-key <file>", "the MTProto RSA-2048 private key, PEM (default: the repository's TEST key)")
    .option("--print-rsa-public-key", "print the PEM of the MTProto RSA public key and exit");
  for (const name of LIMIT_NAMES) {
    command.option(`${flagOf(name)} <n>`, `${LIMITS[name].what} (default ${LIMITS[name].default})`);
  }
  command.action(async (options: ServerCommandOptions) => {
    const rsaPrivateKeyPem = readRsaKey(options.rsaKey);
    if (options.printRsaPublicKey) {
      process.stdout.write(loadRsaKey(rsaPrivateKeyPem).publicPem);
      return;
    }
    const mtprotoPort =
      options.mtprotoPort === undefined ? undefined : parsePort(options.mtprotoPort, "--mtproto-port");
    const onRequest = options.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
    // Loaded here: --print-rsa-public-key and a usage error need no server.
    const { startMtprotoServer, startServer } = await import("../server/index.ts");
    const server = await startServer({
      ...parseLimits(options),
      port: parsePort(options.port),
      host: options.host,
      debugValidateResponses: options.debugValidate === true,
      onRequest,
    });
    const mtproto =
      mtprotoPort === undefined
        ? undefined
        : await startMtprotoServer(server.state, {
            port: mtprotoPort,
            host: options.host,
            rsaPrivateKeyPem,
            onRequest,
          });
    process.stdout.write(`${server.url}\n`);
    if (mtproto) process.stdout.write(`${mtproto.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.stderr.write("reference server: stopping\n");
        Promise.all([server.close(), mtproto?.close()]).then(() => resolve(), resolve);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  });
}
