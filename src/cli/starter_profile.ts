// The commented starter profile `tl-conformance init` writes: every field, its default, and
// where to read more. Only the target is filled in; everything else is a comment to uncomment.
export function starterProfile(target: string): string {
  return `# tl-conformance target profile (docs/profile.md; schema: docs/profile.schema.json).
# Run with:  npx tl-conformance run --profile <this file>
# Flags beat environment variables, which beat this file, which beats the defaults.
# Strings may use \${NAME} for the environment variable NAME: keep secrets in your CI's store.

# The wire: http-json is TL-JSON over HTTP (docs/binding.md).
binding: http-json

# The server under test: its base URL (the suite calls /health and /rpc under it).
target: ${JSON.stringify(target)}

# Headers sent with every request, e.g. a staging gateway's key. Redacted in every report.
# headers:
#   X-Gateway-Key: \${GATEWAY_KEY}

# TLS: a CA to trust for a private certificate; insecure skips verification (never for certification).
# tls:
#   ca: ./staging-ca.pem
#   insecure: false

# timeouts:
#   requestMs: 10000      # each request, headers and body; steps wait as long as their requests
#   healthWaitMs: 15000   # how long GET /health may take to answer 200 before the run

# Test accounts: X is one digit 1-9 (the code digit), Y any digit; the login code uses X.
# phones:
#   pattern: "99966XYYYY"
#   code: "XXXXX"

# What the server implements. Scenarios that need anything else are NOT CLAIMED and do not run.
# claims:
#   layers: [1, 2, 3]
#   features: [messages.forwardMessage]

# Known failures: the CI outcome passes while they fail; one that passes fails the run.
# expectedFailures:
#   - requirement: L3-NO-CHANGE
#     reason: the send result always carries the link pair
#     tracking: https://tracker.example/ISSUE-1

# parallel: auto          # worker processes; 0 runs in one process
# reports: reports        # replaced whole by each run
# transcripts: failed     # failed, or all to keep every body
# strict: false           # true: SHOULD failures fail the CI outcome too
# formats: [markdown]     # report.md; or cucumber formatters: pretty, message:messages.ndjson
`;
}
