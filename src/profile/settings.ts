// Every setting of a run, where it may come from, and its default. Precedence, one rule for all:
// a flag beats an environment variable, which beats the profile, which beats the default.
// Extra headers merge by name in the same order. docs/profile.md is the table of these rows.
import { TRANSPORTS, type TransportName } from "../bindings/mtproto/transport.ts";
import type { Layer } from "../tl/index.ts";
import { ALL_CLAIMS, type OptionalFeature } from "./needs.ts";
import {
  featureList,
  integerIn,
  layerList,
  oneOf,
  plainText,
  targetUrl,
  workers,
  yesNo,
} from "./parse_values.ts";
import { DEFAULT_PHONE_RULE } from "./phones.ts";
import type { ExpectedFailure, Profile, TranscriptsMode } from "./types.ts";

export interface RunConfig {
  /** A tcp:// target makes the default mtproto. */
  binding: "http-json" | "mtproto";
  /** The MTProto target's RSA public key, a PEM file; undefined for the embedded server's. */
  rsaKey: string | undefined;
  transport: TransportName;
  /** Undefined: the embedded reference server. */
  target: string | undefined;
  headers: Record<string, string>;
  ca: string | undefined;
  insecure: boolean;
  timeoutMs: number;
  healthWaitMs: number;
  phonePattern: string;
  loginCode: string;
  claimLayers: Layer[];
  claimFeatures: OptionalFeature[];
  /** A file to read, or the profile's inline list. */
  expectedFailures: string | ExpectedFailure[] | undefined;
  parallel: number | "auto";
  reports: string;
  transcripts: TranscriptsMode;
  strict: boolean;
  formats: string[];
}

export type SettingSource = "flag" | "environment" | "profile" | "default";
type Key = keyof RunConfig;

export interface Setting<K extends Key = Key> {
  key: K;
  /** The command-line flag, e.g. --timeout-ms. */
  flag: string;
  /** Its value as the help shows it (<ms>); absent for a flag that takes none. */
  placeholder?: string;
  /** Given more than once, each adds a value. */
  repeatable?: true;
  /** The environment variable, where one may set it. */
  env?: string;
  /** Where in a profile, as the docs write it. */
  profilePath?: string;
  fromProfile?: (profile: Profile) => RunConfig[K] | undefined;
  /** Text of a flag or variable to the value; absent for flags that take no value. */
  parse?: (text: string) => RunConfig[K];
  fallback: RunConfig[K];
  describe: string;
}

const setting = <K extends Key>(s: Setting<K>): Setting => s as unknown as Setting;

export const SETTINGS: readonly Setting[] = [
  setting({
    key: "target",
    placeholder: "<url>",
    flag: "--target",
    env: "CONFORMANCE_TARGET",
    profilePath: "target",
    fromProfile: (p) => p.target,
    parse: targetUrl,
    fallback: undefined,
    describe: "the server under test, http(s):// or tcp://HOST:PORT (default: the embedded reference server)",
  }),
  setting({
    key: "binding",
    placeholder: "<name>",
    flag: "--binding",
    env: "CONFORMANCE_BINDING",
    profilePath: "binding",
    fromProfile: (p) => p.binding,
    parse: oneOf(["http-json", "mtproto"] as const),
    fallback: "http-json",
    describe:
      "the wire: http-json (TL-JSON over HTTP) or mtproto (MTProto 2.0 over TCP; a tcp:// target's default)",
  }),
  setting({
    key: "rsaKey",
    placeholder: "<file>",
    flag: "--rsa-key",
    env: "CONFORMANCE_RSA_KEY",
    profilePath: "mtproto.rsaKey",
    fromProfile: (p) => p.mtproto?.rsaKey,
    parse: plainText,
    fallback: undefined,
    describe: "PEM file of the MTProto target's RSA public key (the embedded server's by default)",
  }),
  setting({
    key: "transport",
    placeholder: "<name>",
    flag: "--transport",
    env: "CONFORMANCE_TRANSPORT",
    profilePath: "mtproto.transport",
    fromProfile: (p) => p.mtproto?.transport,
    parse: oneOf(TRANSPORTS),
    fallback: "intermediate",
    describe: "the MTProto TCP transport: abridged, intermediate, padded or full",
  }),
  setting({
    key: "headers",
    placeholder: "<name: value>",
    repeatable: true,
    flag: "--header",
    profilePath: "headers",
    fromProfile: (p) => p.headers,
    fallback: {},
    describe: '"Name: value" sent with every request, repeatable; values are redacted everywhere',
  }),
  setting({
    key: "ca",
    placeholder: "<file>",
    flag: "--ca",
    env: "CONFORMANCE_CA",
    profilePath: "tls.ca",
    fromProfile: (p) => p.tls?.ca,
    parse: plainText,
    fallback: undefined,
    describe: "PEM file of the CA that signed the target's certificate",
  }),
  setting({
    key: "insecure",
    flag: "--insecure",
    env: "CONFORMANCE_INSECURE",
    profilePath: "tls.insecure",
    fromProfile: (p) => p.tls?.insecure,
    parse: yesNo,
    fallback: false,
    describe: "skip TLS certificate verification (warned about; never for certification)",
  }),
  setting({
    key: "timeoutMs",
    placeholder: "<ms>",
    flag: "--timeout-ms",
    env: "CONFORMANCE_TIMEOUT_MS",
    profilePath: "timeouts.requestMs",
    fromProfile: (p) => p.timeouts?.requestMs,
    parse: integerIn(1, 600_000),
    fallback: 10_000,
    describe: "timeout of each request, headers and body; steps wait as long as their requests",
  }),
  setting({
    key: "healthWaitMs",
    placeholder: "<ms>",
    flag: "--health-wait-ms",
    env: "CONFORMANCE_HEALTH_WAIT_MS",
    profilePath: "timeouts.healthWaitMs",
    fromProfile: (p) => p.timeouts?.healthWaitMs,
    parse: integerIn(0, 600_000),
    fallback: 15_000,
    describe: "how long GET /health may take to answer 200 before the run",
  }),
  setting({
    key: "phonePattern",
    placeholder: "<pattern>",
    flag: "--phone-pattern",
    env: "CONFORMANCE_PHONE_PATTERN",
    profilePath: "phones.pattern",
    fromProfile: (p) => p.phones?.pattern,
    parse: plainText,
    fallback: DEFAULT_PHONE_RULE.pattern,
    describe: "test phone numbers: X a digit 1-9 (the code digit), Y any digit",
  }),
  setting({
    key: "loginCode",
    placeholder: "<code>",
    flag: "--login-code",
    env: "CONFORMANCE_LOGIN_CODE",
    profilePath: "phones.code",
    fromProfile: (p) => p.phones?.code,
    parse: plainText,
    fallback: DEFAULT_PHONE_RULE.code,
    describe: "the login code of a test phone: X is the phone's X digit",
  }),
  setting({
    key: "claimLayers",
    placeholder: "<list>",
    flag: "--claim-layers",
    env: "CONFORMANCE_CLAIM_LAYERS",
    profilePath: "claims.layers",
    fromProfile: (p) => p.claims?.layers,
    parse: layerList,
    fallback: [...ALL_CLAIMS.layers],
    describe: "the layers the server claims, e.g. 1,2 or 1-3",
  }),
  setting({
    key: "claimFeatures",
    placeholder: "<list>",
    flag: "--claim-features",
    env: "CONFORMANCE_CLAIM_FEATURES",
    profilePath: "claims.features",
    fromProfile: (p) => p.claims?.features,
    parse: featureList,
    fallback: [...ALL_CLAIMS.features],
    describe: "the optional features the server claims (messages.forwardMessage), or none",
  }),
  setting({
    key: "expectedFailures",
    placeholder: "<file>",
    flag: "--expected-failures",
    env: "CONFORMANCE_EXPECTED_FAILURES",
    profilePath: "expectedFailures",
    fromProfile: (p) => p.expectedFailures,
    parse: plainText,
    fallback: undefined,
    describe: "YAML or JSON file of known failures {requirement, scenario?, reason, tracking}",
  }),
  setting({
    key: "parallel",
    placeholder: "<n|auto>",
    flag: "--parallel",
    env: "CONFORMANCE_PARALLEL",
    profilePath: "parallel",
    fromProfile: (p) => p.parallel,
    parse: workers,
    fallback: "auto",
    describe: "worker processes, or auto: one process on loopback, several for a remote target",
  }),
  setting({
    key: "reports",
    placeholder: "<dir>",
    flag: "--reports",
    env: "CONFORMANCE_REPORTS",
    profilePath: "reports",
    fromProfile: (p) => p.reports,
    parse: plainText,
    fallback: "reports",
    describe: "the reports folder, replaced whole by each run",
  }),
  setting({
    key: "transcripts",
    placeholder: "<failed|all>",
    flag: "--transcripts",
    env: "CONFORMANCE_TRANSCRIPTS",
    profilePath: "transcripts",
    fromProfile: (p) => p.transcripts,
    parse: oneOf(["failed", "all"] as const),
    fallback: "failed",
    describe: "failed: bodies for scenarios that did not pass; all: for every scenario",
  }),
  setting({
    key: "strict",
    flag: "--strict",
    env: "CONFORMANCE_STRICT",
    profilePath: "strict",
    fromProfile: (p) => p.strict,
    parse: yesNo,
    fallback: false,
    describe: "SHOULD failures fail the CI outcome (exit 1) too",
  }),
  setting({
    key: "formats",
    placeholder: "<name[:file]>",
    repeatable: true,
    flag: "--format",
    profilePath: "formats",
    fromProfile: (p) => p.formats,
    fallback: [],
    describe: "markdown (report.md), or a cucumber formatter (pretty, message:FILE), repeatable",
  }),
];
