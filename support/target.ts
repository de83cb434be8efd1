// Where the suite sends its requests and how. The run command hands its settings (from flags,
// environment and profile) to every World through cucumber's worldParameters; when cucumber-js
// runs directly with none, CONFORMANCE_TARGET (set by the BeforeAll hook for the embedded
// server) and CONFORMANCE_TIMEOUT_MS are read instead, with the defaults for the rest.
import { readFileSync } from "node:fs";
import { TRANSPORTS, type TransportName } from "../src/bindings/mtproto/transport.ts";
import { type ClientOptions, InvalidOptionError } from "../src/client/index.ts";
import { DEFAULT_PHONE_RULE, phoneRuleProblem, type WorldParameters } from "../src/profile/index.ts";

export type TargetSettings = WorldParameters;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function transportOf(text: unknown): TransportName {
  const found = TRANSPORTS.find((t) => t === text);
  if (text !== undefined && found === undefined)
    throw new InvalidOptionError(
      `the MTProto transport must be one of ${TRANSPORTS.join(", ")}, got "${String(text)}"`,
    );
  return found ?? "intermediate";
}

/** CONFORMANCE_RSA_KEY (a PEM file) and CONFORMANCE_TRANSPORT for a tcp:// CONFORMANCE_TARGET. */
function mtprotoFromEnv(target: string): Pick<TargetSettings, "wire" | "mtproto"> {
  if (!target.startsWith("tcp:")) return {};
  const pem = process.env.CONFORMANCE_RSA_KEY_PEM ?? readPem(process.env.CONFORMANCE_RSA_KEY);
  return {
    wire: "mtproto",
    mtproto: { rsaPublicKeyPem: pem, transport: transportOf(process.env.CONFORMANCE_TRANSPORT) },
  };
}

function readPem(file: string | undefined): string {
  if (!file)
    throw new InvalidOptionError(
      "a tcp:// CONFORMANCE_TARGET needs CONFORMANCE_RSA_KEY (the server's public PEM)",
    );
  return readFileSync(file, "utf8");
}

function fromParameters(parameters: unknown): TargetSettings | undefined {
  if (!isObject(parameters) || typeof parameters.target !== "string") return undefined;
  const p = parameters as Partial<WorldParameters>;
  const headers = isObject(p.headers) ? (p.headers as Record<string, string>) : {};
  const phones = isObject(p.phones) ? { ...DEFAULT_PHONE_RULE, ...p.phones } : DEFAULT_PHONE_RULE;
  const problem = phoneRuleProblem(phones);
  if (problem) throw new InvalidOptionError(`worldParameters.phones: ${problem}`);
  const mtproto =
    p.wire === "mtproto" && isObject(p.mtproto) && typeof p.mtproto.rsaPublicKeyPem === "string"
      ? {
          wire: "mtproto" as const,
          mtproto: {
            rsaPublicKeyPem: p.mtproto.rsaPublicKeyPem,
            transport: transportOf(p.mtproto.transport),
          },
        }
      : {};
  return {
    ...mtproto,
    target: parameters.target,
    timeoutMs: typeof p.timeoutMs === "number" ? p.timeoutMs : 10_000,
    headers,
    tls: { insecure: p.tls?.insecure === true, ...(typeof p.tls?.ca === "string" ? { ca: p.tls.ca } : {}) },
    phones,
    transcripts: p.transcripts === "all" ? "all" : "failed",
  };
}

export function targetSettings(parameters?: unknown): TargetSettings {
  const given = fromParameters(parameters);
  if (given) return given;
  const target = process.env.CONFORMANCE_TARGET;
  if (!target)
    throw new InvalidOptionError(
      "CONFORMANCE_TARGET is not set: the run command or the BeforeAll hook sets it",
    );
  const timeoutText = process.env.CONFORMANCE_TIMEOUT_MS ?? "10000";
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError(`CONFORMANCE_TIMEOUT_MS must be a positive integer, got "${timeoutText}"`);
  }
  return {
    ...mtprotoFromEnv(target),
    target,
    timeoutMs,
    headers: {},
    tls: { insecure: false },
    phones: DEFAULT_PHONE_RULE,
    transcripts: "failed",
  };
}

/** The binding client's options for these settings. */
export function clientOptions(settings: TargetSettings): ClientOptions {
  return {
    target: settings.target,
    timeoutMs: settings.timeoutMs,
    headers: settings.headers,
    tls: settings.tls,
  };
}
