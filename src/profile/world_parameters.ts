// What the run command hands each cucumber World through worldParameters (JSON, so it crosses to
// worker processes as it is): everything a World needs to reach and judge the target. The
// profile never travels through process.env.
import type { PhoneRule } from "./phones.ts";
import type { TranscriptsMode } from "./types.ts";

// A type, not an interface: cucumber takes worldParameters as a JSON object type, which only an
// object type alias (with JSON members all the way down) is assignable to.
export type WorldParameters = {
  target: string;
  timeoutMs: number;
  /** Extra headers for every request (values secret). */
  headers: Record<string, string>;
  /** `ca` is the PEM text itself, read once by the run command. */
  tls: { ca?: string; insecure: boolean };
  phones: PhoneRule;
  transcripts: TranscriptsMode;
  /** The wire; absent means http-json. */
  wire?: "http-json" | "mtproto";
  /** On the MTProto wire: the target's RSA public key (PEM text, read once) and the transport. */
  mtproto?: { rsaPublicKeyPem: string; transport: "abridged" | "intermediate" | "padded" | "full" };
};
