// A profile as the schema (profile_schema.ts) allows it, and an expected failure.
import type { Layer } from "../tl/index.ts";
import type { OptionalFeature } from "./needs.ts";

export interface ExpectedFailure {
  requirement: string;
  scenario?: string;
  reason: string;
  tracking: string;
}

export type TranscriptsMode = "failed" | "all";

export interface Profile {
  binding?: "http-json" | "mtproto";
  mtproto?: { rsaKey?: string; transport?: "abridged" | "intermediate" | "padded" | "full" };
  target?: string;
  headers?: Record<string, string>;
  tls?: { ca?: string; insecure?: boolean };
  timeouts?: { requestMs?: number; healthWaitMs?: number };
  phones?: { pattern?: string; code?: string };
  claims?: { layers?: Layer[]; features?: OptionalFeature[] };
  expectedFailures?: string | ExpectedFailure[];
  parallel?: number | "auto";
  reports?: string;
  transcripts?: TranscriptsMode;
  strict?: boolean;
  formats?: string[];
}

/** A profile, expected-failures file or option that cannot be used: exit 2, the message names the field. */
export class ProfileError extends Error {
  override name = "ProfileError";
  readonly code = "PROFILE_INVALID";
}
