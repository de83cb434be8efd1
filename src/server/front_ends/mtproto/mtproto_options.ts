// The options of the MTProto front end, checked one by one; defaults applied after the checks.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkOption } from "../../check_option.ts";
import { checkListenOptions } from "../listen.ts";

export interface MtprotoOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** The server's RSA-2048 private key, PEM; default the repository's TEST key (schema/mtproto-test-rsa-key.pem). */
  rsaPrivateKeyPem?: string;
  /**
   * Largest transport frame accepted, in bytes; default 264 KiB: the HTTP front end's 256 KiB body
   * and room for the MTProto header and padding. A larger one ends the connection.
   */
  maxFrameBytes?: number;
  /** Largest inflated gzip_packed body; default 256 KiB (HTTP's body limit). Past it: 400 INPUT_REQUEST_INVALID. */
  maxInflateBytes?: number;
  /** Auth keys kept; default 50,000. One more forgets the least recently used (its client gets -404). */
  maxAuthKeys?: number;
  /** Sessions kept per auth key; default 64. */
  maxSessionsPerKey?: number;
  /** Open connections; default 1,024. One more is answered -429 and closed. */
  maxConnections?: number;
  /** Key exchanges (req_DH_params) the server does per second, all connections together; default 1,000. Past it: -429. */
  maxKeyExchangesPerSecond?: number;
  /** Auth keys one connection may create; default 16. Past it: -429. */
  maxKeysPerConnection?: number;
  /** A connection that sends nothing for this long is closed; default 120,000 ms. */
  idleTimeoutMs?: number;
  /** A connection must finish its first frame within this; default 10,000 ms. */
  firstFrameTimeoutMs?: number;
  /** Length of a server salt's period, in seconds; default 3,600. */
  saltPeriodSeconds?: number;
  /** Called once per call, for logs. */
  onRequest?: (line: string) => void;
}

export type ResolvedMtprotoOptions = Required<Omit<MtprotoOptions, "onRequest">> &
  Pick<MtprotoOptions, "onRequest">;

/** The repository's fixed RSA key pair: a TEST key, published, protecting nothing. */
export const TEST_RSA_PRIVATE_KEY_PATH = fileURLToPath(
  new URL("../../../../schema/mtproto-test-rsa-key.pem", import.meta.url),
);
export const TEST_RSA_PUBLIC_KEY_PATH = fileURLToPath(
  new URL("../../../../schema/mtproto-test-rsa-key.pub.pem", import.meta.url),
);

const positive = (value: unknown) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);

const DEFAULTS = {
  maxFrameBytes: 264 * 1024,
  maxInflateBytes: 256 * 1024,
  maxAuthKeys: 50_000,
  maxSessionsPerKey: 64,
  maxConnections: 1_024,
  maxKeyExchangesPerSecond: 1_000,
  maxKeysPerConnection: 16,
  idleTimeoutMs: 120_000,
  firstFrameTimeoutMs: 10_000,
  saltPeriodSeconds: 3_600,
} as const;

export function resolveMtprotoOptions(options: MtprotoOptions = {}): ResolvedMtprotoOptions {
  const { host, port, rsaPrivateKeyPem, onRequest } = options;
  checkListenOptions(host, port);
  checkOption(
    rsaPrivateKeyPem === undefined || typeof rsaPrivateKeyPem === "string",
    "rsaPrivateKeyPem must be a PEM string",
  );
  checkOption(onRequest === undefined || typeof onRequest === "function", "onRequest must be a function");
  const resolved = { ...DEFAULTS } as Record<keyof typeof DEFAULTS, number>;
  for (const name of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = options[name];
    checkOption(positive(value), `${name} must be a positive integer`);
    if (value !== undefined) resolved[name] = value;
  }
  return {
    ...resolved,
    host: host ?? "127.0.0.1",
    port: port ?? 0,
    rsaPrivateKeyPem: rsaPrivateKeyPem ?? readFileSync(TEST_RSA_PRIVATE_KEY_PATH, "utf8"),
    onRequest,
  };
}
