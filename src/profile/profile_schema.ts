// The target profile's JSON Schema (draft 2020-12), the one contract for a profile file: ajv
// validates every profile against it, and docs/profile.schema.json is this object as JSON
// (`npm run generate` writes it; a test fails when it is stale). Every field is optional:
// flags, environment variables and defaults fill in the rest (docs/profile.md).
import { OPTIONAL_FEATURE_NAMES } from "./needs.ts";

const expectedFailure = {
  type: "object",
  additionalProperties: false,
  required: ["requirement", "reason", "tracking"],
  properties: {
    requirement: {
      type: "string",
      pattern: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
      description: "the requirement id that is known to fail (docs/semantics.md), e.g. S1-REVEAL",
    },
    scenario: {
      type: "string",
      minLength: 1,
      description:
        "only this scenario: its name as the report shows it, or its location (features/x.feature:12)",
    },
    reason: { type: "string", minLength: 1, description: "why it fails, in a sentence" },
    tracking: {
      type: "string",
      pattern: "^https?://\\S+$",
      description: "the URL of the issue that tracks the fix",
    },
  },
} as const;

export const EXPECTED_FAILURES_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:tl-conformance:expected-failures",
  title: "tl-conformance expected failures",
  type: "array",
  maxItems: 1000,
  items: expectedFailure,
} as const;

export const PROFILE_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:tl-conformance:profile",
  title: "tl-conformance target profile",
  description:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text documents the ${NAME} syntax itself.
    "What a run needs to know about the server under test. Strings may use ${NAME} for the environment variable NAME ($${ for a literal ${). Relative paths are relative to the profile's folder.",
  type: "object",
  additionalProperties: false,
  properties: {
    binding: {
      enum: ["http-json", "mtproto"],
      description:
        "the wire the server speaks: http-json is TL-JSON over HTTP (docs/binding.md), mtproto is MTProto 2.0 over TCP (docs/mtproto.md); a tcp:// target implies mtproto",
    },
    mtproto: {
      type: "object",
      additionalProperties: false,
      properties: {
        rsaKey: {
          type: "string",
          minLength: 1,
          description: "a PEM file of the server's RSA public key (the key exchange encrypts to it)",
        },
        transport: {
          enum: ["abridged", "intermediate", "padded", "full"],
          description: "the MTProto TCP transport (default intermediate)",
        },
      },
    },
    target: {
      type: "string",
      minLength: 1,
      maxLength: 2048,
      description:
        "the server's base URL, http or https; credentials in it are never sent and are redacted; tcp://HOST:PORT for an MTProto server",
    },
    headers: {
      type: "object",
      maxProperties: 32,
      propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$" },
      additionalProperties: { type: "string", maxLength: 8192 },
      description:
        "extra headers sent with every request (a staging gateway's key); their values are redacted everywhere",
    },
    tls: {
      type: "object",
      additionalProperties: false,
      properties: {
        ca: {
          type: "string",
          minLength: 1,
          description: "a PEM file of the CA that signed the server's certificate",
        },
        insecure: {
          type: "boolean",
          description: "skip certificate verification (a loud warning; never for certification)",
        },
      },
    },
    timeouts: {
      type: "object",
      additionalProperties: false,
      properties: {
        requestMs: {
          type: "integer",
          minimum: 1,
          maximum: 600000,
          description: "whole-exchange timeout of each request, headers and body",
        },
        healthWaitMs: {
          type: "integer",
          minimum: 0,
          maximum: 600000,
          description: "how long to wait for GET /health to answer 200 before the run",
        },
      },
    },
    phones: {
      type: "object",
      additionalProperties: false,
      properties: {
        pattern: {
          type: "string",
          pattern: "^[0-9XY]{5,15}$",
          description: "test phone numbers: X is one digit 1-9 (the code digit), Y any digit",
        },
        code: {
          type: "string",
          pattern: "^[0-9X]{1,10}$",
          description: "the login code of a test phone: X is the phone's X digit",
        },
      },
    },
    claims: {
      type: "object",
      additionalProperties: false,
      properties: {
        layers: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { enum: [1, 2, 3] },
          description: "the API layers the server implements; 1 is always needed",
          contains: { const: 1 },
        },
        features: {
          type: "array",
          uniqueItems: true,
          items: { enum: OPTIONAL_FEATURE_NAMES },
          description: "the optional features the server implements",
        },
      },
    },
    expectedFailures: {
      description: "known failures: a list, or the path of a YAML or JSON file holding one",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", maxItems: 1000, items: expectedFailure },
      ],
    },
    parallel: {
      description: "worker processes: 0 runs in one process; auto picks by target (docs/ci.md)",
      oneOf: [{ type: "integer", minimum: 0, maximum: 32 }, { const: "auto" }],
    },
    reports: { type: "string", minLength: 1, description: "the reports folder" },
    transcripts: {
      enum: ["failed", "all"],
      description:
        "failed: whole transcripts for scenarios that did not pass, a compact one for the others; all: every body",
    },
    strict: { type: "boolean", description: "SHOULD failures fail the CI outcome too" },
    formats: {
      type: "array",
      maxItems: 16,
      items: { type: "string", pattern: "^[A-Za-z0-9@/._-]+(:.+)?$" },
      description: "extra formats: markdown, or cucumber's own formatters (pretty, message:FILE, ...)",
    },
  },
} as const;
