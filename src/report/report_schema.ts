// report.json's JSON Schema (draft 2020-12): docs/report.schema.json is this object as JSON
// (`npm run generate` writes it; a test fails when it is stale), and every test that produces a
// report validates it against this. Objects admit no field the schema does not name, so the
// schema cannot fall behind the model unnoticed.
const str = { type: "string" } as const;
const int = { type: "integer", minimum: 0 } as const;
const num = { type: "number", minimum: 0 } as const;
const strings = { type: "array", items: str } as const;
const headers = { type: "object", additionalProperties: str } as const;

const object = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: "object", additionalProperties: false, required, properties }) as const;

const transcriptEntry = object(
  {
    seq: int,
    wire: { enum: ["http-json", "mtproto"] },
    role: str,
    method: str,
    layer: { enum: [1, 2, 3] },
    startedAt: str,
    durationMs: num,
    request: object({ url: str, headers, body: {} }, ["url", "headers"]),
    response: object({ status: int, headers, body: {}, bodyText: str, truncated: { type: "boolean" } }, [
      "status",
      "headers",
    ]),
    error: object({ code: str, message: str }, ["code", "message"]),
    mtproto: object(
      {
        msgId: str,
        seqNo: int,
        sentBytes: int,
        receivedBytes: int,
        service: strings,
        resent: { type: "boolean" },
      },
      ["msgId", "seqNo", "sentBytes", "receivedBytes", "service", "resent"],
    ),
  },
  ["seq", "role", "method", "layer", "startedAt", "durationMs", "request"],
);

const compactEntry = object(
  {
    seq: int,
    role: str,
    method: str,
    layer: { enum: [1, 2, 3] },
    durationMs: num,
    status: int,
    bytes: int,
    error: str,
  },
  ["seq", "role", "method", "layer", "durationMs"],
);

const failure = object(
  {
    kind: { enum: ["requirement", "target", "harness"] },
    message: str,
    step: str,
    requirementId: str,
    subject: str,
    expected: str,
    actual: str,
    pointer: str,
    code: str,
  },
  ["kind", "message"],
);

const scenario = object(
  {
    name: str,
    feature: str,
    location: str,
    tags: strings,
    requirementIds: strings,
    needs: strings,
    status: {
      enum: ["passed", "failed", "target-fault", "harness-error", "skipped", "not-claimed", "not-applicable"],
    },
    durationMs: num,
    steps: {
      type: "array",
      items: object(
        {
          text: str,
          status: { enum: ["PASSED", "FAILED", "SKIPPED", "UNDEFINED", "AMBIGUOUS", "PENDING", "UNKNOWN"] },
          durationMs: num,
          message: str,
        },
        ["text", "status", "durationMs"],
      ),
    },
    failure,
    expectation: object(
      { outcome: { enum: ["expected-fail", "unexpected-pass"] }, reason: str, tracking: str },
      ["outcome", "reason", "tracking"],
    ),
    transcript: { type: "array", items: transcriptEntry },
    compactTranscript: { type: "array", items: compactEntry },
    failingExchanges: { type: "array", items: int },
    exchanges: int,
  },
  [
    "name",
    "feature",
    "location",
    "tags",
    "requirementIds",
    "needs",
    "status",
    "durationMs",
    "steps",
    "exchanges",
  ],
);

const verdicts = ["passed", "failed", "error", "inconclusive", "untested", "not-claimed", "not-applicable"];

const requirementOutcome = object(
  {
    id: str,
    level: { enum: ["MUST", "SHOULD"] },
    source: str,
    check: str,
    verdict: { enum: verdicts },
    expected: object({ reason: str, tracking: str }, ["reason", "tracking"]),
    scenarios: {
      type: "array",
      items: object(
        { location: str, name: str, verdict: { enum: verdicts.filter((v) => v !== "untested") } },
        ["location", "name", "verdict"],
      ),
    },
  },
  ["id", "level", "source", "check", "verdict", "scenarios"],
);

const meta = object(
  {
    suiteVersion: str,
    suiteDigest: str,
    target: str,
    targetKind: { enum: ["embedded", "external"] },
    startedAt: str,
    finishedAt: str,
    command: str,
    provenance: object({ node: str, os: str, runtime: { enum: ["compiled", "source"] } }, [
      "node",
      "os",
      "runtime",
    ]),
    configuration: {
      type: "object",
      additionalProperties: object(
        { value: {}, source: { enum: ["flag", "environment", "profile", "default"] } },
        ["value", "source"],
      ),
    },
    wire: { enum: ["http-json", "mtproto"] },
    transport: { enum: ["abridged", "intermediate", "padded", "full"] },
  },
  ["suiteVersion", "suiteDigest", "target", "targetKind", "startedAt", "finishedAt", "command"],
);

const totals = object(
  {
    scenarios: int,
    passed: int,
    failed: int,
    targetFaults: int,
    harnessErrors: int,
    skipped: int,
    notClaimed: int,
    notApplicable: int,
    expectedFailures: int,
    unexpectedPasses: int,
  },
  [
    "scenarios",
    "passed",
    "failed",
    "targetFaults",
    "harnessErrors",
    "skipped",
    "notClaimed",
    "notApplicable",
    "expectedFailures",
    "unexpectedPasses",
  ],
);

export const REPORT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:tl-conformance:report:2",
  title: "tl-conformance report (reportFormat 2)",
  ...object(
    {
      reportFormat: { const: 2 },
      meta,
      verdict: { enum: ["CERTIFIED", "CERTIFIED_WITH_WARNINGS", "NOT_CERTIFIED", "ERROR", "INCOMPLETE"] },
      verdictLine: str,
      reasons: strings,
      ci: object(
        {
          outcome: { enum: ["pass", "fail", "usage-error", "harness-error", "error", "incomplete"] },
          exitCode: { enum: [0, 1, 2, 3] },
          strict: { type: "boolean" },
          summary: str,
        },
        ["outcome", "exitCode", "strict", "summary"],
      ),
      scope: object(
        {
          layers: { type: "array", items: { enum: [1, 2, 3] } },
          features: strings,
          notClaimed: strings,
          selection: object({ tags: str, name: str, selected: int, total: int }, ["selected", "total"]),
        },
        ["layers", "features", "notClaimed"],
      ),
      interruption: object({ kind: { enum: ["usage", "unreachable", "harness", "aborted"] }, reason: str }, [
        "kind",
        "reason",
      ]),
      totals,
      requirements: { type: "array", items: requirementOutcome },
      expectedFailures: {
        type: "array",
        items: object(
          {
            requirement: str,
            scenario: str,
            reason: str,
            tracking: str,
            outcome: { enum: ["expected-fail", "unexpected-pass", "not-run", "not-judged"] },
          },
          ["requirement", "reason", "tracking", "outcome"],
        ),
      },
      scenarios: { type: "array", items: scenario },
    },
    [
      "reportFormat",
      "meta",
      "verdict",
      "verdictLine",
      "reasons",
      "ci",
      "scope",
      "totals",
      "requirements",
      "expectedFailures",
      "scenarios",
    ],
  ),
} as const;
