// Target profiles: YAML and JSON, ${ENV}, errors that name the field, the precedence of flags over
// the environment over the profile over the defaults, claims tags, phones.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: profiles spell ${NAME} in plain strings; these tests write such profiles.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  DEFAULT_PHONE_RULE,
  describeLayers,
  drawTestPhone,
  loadExpectedFailures,
  loadProfile,
  needsOfTags,
  PROFILE_SCHEMA,
  phoneRuleProblem,
  resolveConfig,
  tagOfNeed,
  usedNeeds,
} from "./index.ts";

const dir = mkdtempSync(join(tmpdir(), "tlc-profile-"));
let n = 0;
function file(text: string, ext = "yaml"): string {
  const path = join(dir, `p${++n}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const failsWith = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (error: Error) => {
    assert.match(error.message, pattern);
    assert.equal(error.name, "ProfileError");
    return true;
  });

test("a YAML and a JSON profile load alike; ${ENV} is substituted, $${ kept literal", () => {
  const env = { STAGING_HOST: "staging.example", GW: "k-123" };
  const yaml = loadProfile(
    file(
      `target: https://\${STAGING_HOST}/api\nheaders:\n  X-Gateway-Key: \${GW}\n  X-Note: "$\${literal}"\ntimeouts: { requestMs: 20000 }\n`,
    ),
    env,
  );
  const json = loadProfile(
    file(
      JSON.stringify({
        target: "https://${STAGING_HOST}/api",
        headers: { "X-Gateway-Key": "${GW}", "X-Note": "$${literal}" },
        timeouts: { requestMs: 20000 },
      }),
      "json",
    ),
    env,
  );
  assert.deepEqual(yaml, json);
  assert.equal(yaml.target, "https://staging.example/api");
  assert.deepEqual(yaml.headers, { "X-Gateway-Key": "k-123", "X-Note": "${literal}" });
  failsWith(
    () => loadProfile(file("target: https://${MISSING_HOST}/\n"), {}),
    /\/target: \$\{MISSING_HOST\} is not set/,
  );
});

test("every profile error names its field and its file", () => {
  const cases: [string, RegExp][] = [
    ["tls:\n  cA: x.pem\n", /p\d+\.yaml: does not match its schema:\n {2}\/tls\/cA: unknown field/],
    ["timeouts:\n  requestMs: 700000\n", /\/timeouts\/requestMs: must be <= 600000/],
    ["binding: mtproto2\n", /\/binding: must be one of "http-json", "mtproto"/],
    ["mtproto:\n  transport: udp\n", /\/mtproto\/transport: must be one of "abridged"/],
    ["claims:\n  layers: [2, 3]\n", /\/claims\/layers: must contain at least 1 valid item/],
    ["parallel: lots\n", /\/parallel: must be equal to constant|\/parallel: must be integer/],
    ["target: ftp://x\n", /\/target: must be an http\(s\) URL or tcp:\/\/HOST:PORT/],
    ["headers:\n  Authorization: x\n", /\/headers\/Authorization: "Authorization" is set by the binding/],
    [
      "phones:\n  pattern: '99966YYYY'\n  code: 'XXXXX'\n",
      /\/phones: the login code uses X but the phone pattern/,
    ],
    [
      "expectedFailures:\n  - requirement: S1-REVEL\n    reason: r\n    tracking: https://t.example/1\n",
      /\/expectedFailures\/0\/requirement: unknown requirement "S1-REVEL"/,
    ],
    ["expectedFailures:\n  - requirement: S1-REVEAL\n    reason: r\n", /\/expectedFailures.*tracking/s],
    ["target: [unclosed\n", /p\d+\.yaml:\d+:\d+: not YAML or JSON/],
  ];
  for (const [text, pattern] of cases) failsWith(() => loadProfile(file(text), {}), pattern);
  failsWith(() => loadProfile(join(dir, "missing.yaml"), {}), /cannot read it \(ENOENT\)/);
});

test("hostile files cost nothing: aliases are capped, a large file is refused unread", () => {
  const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++)
    laughs.push(
      `${"b".repeat(i)}: &${"b".repeat(i)} [${Array(9)
        .fill(`*${i === 1 ? "a" : "b".repeat(i - 1)}`)
        .join(", ")}]`,
    );
  const started = performance.now();
  failsWith(() => loadProfile(file(`${laughs.join("\n")}\n`), {}), /not YAML or JSON|does not match/);
  assert.ok(performance.now() - started < 1000);
  failsWith(() => loadProfile(file(`# ${"x".repeat(1024 * 1024 + 10)}\n`), {}), /more than the 1 MiB/);
});

test("an MTProto target: tcp:// implies the mtproto binding and needs the server's RSA key", () => {
  const rsa = { CONFORMANCE_RSA_KEY: "key.pem" };
  const inferred = resolveConfig({ target: "tcp://127.0.0.1:4430" }, rsa);
  assert.equal(inferred.config.binding, "mtproto");
  assert.equal(inferred.config.rsaKey, "key.pem");
  assert.equal(inferred.config.transport, "intermediate");
  const profile = { target: "tcp://[::1]:443", mtproto: { rsaKey: "/k.pem", transport: "full" as const } };
  const fromProfile = resolveConfig({}, {}, profile).config;
  assert.deepEqual(
    [fromProfile.binding, fromProfile.rsaKey, fromProfile.transport],
    ["mtproto", "/k.pem", "full"],
  );
  assert.equal(
    resolveConfig({ binding: "mtproto" }, {}).config.target,
    undefined,
    "no target: the embedded server",
  );
  failsWith(() => resolveConfig({ target: "tcp://h:1" }, {}), /needs its RSA public key: --rsa-key/);
  failsWith(
    () => resolveConfig({ target: "tcp://h:1", binding: "http-json" }, rsa),
    /cannot reach a tcp:\/\/ target/,
  );
  failsWith(
    () => resolveConfig({ target: "http://h", binding: "mtproto" }, rsa),
    /needs a tcp:\/\/HOST:PORT target/,
  );
  failsWith(() => resolveConfig({ target: "tcp://h:99999" }, rsa), /must be tcp:\/\/HOST:PORT/);
  failsWith(
    () => resolveConfig({ target: "tcp://h:1", transport: "udp" }, rsa),
    /--transport must be one of/,
  );
});

test("relative paths in a profile are relative to its folder", () => {
  const p = loadProfile(
    file(
      "tls:\n  ca: certs/ca.pem\nreports: out\nexpectedFailures: known.yaml\nmtproto:\n  rsaKey: keys/server.pem\n",
    ),
    {},
  );
  assert.equal(p.mtproto?.rsaKey, join(dir, "keys/server.pem"));
  assert.equal(p.tls?.ca, join(dir, "certs/ca.pem"));
  assert.equal(p.reports, join(dir, "out"));
  assert.equal(p.expectedFailures, join(dir, "known.yaml"));
});

test("precedence: flag > environment > profile > default, with the source of each value", () => {
  const profile = {
    target: "http://profile.example",
    timeouts: { requestMs: 3000, healthWaitMs: 1000 },
    headers: { "X-A": "p", "X-B": "p" },
  };
  const env = { CONFORMANCE_TARGET: "http://env.example", CONFORMANCE_TIMEOUT_MS: "4000" };
  const { config, sources } = resolveConfig({ timeoutMs: "5000", header: ["X-B: f"] }, env, profile);
  assert.equal(config.timeoutMs, 5000);
  assert.equal(sources.timeoutMs, "flag");
  assert.equal(config.target, "http://env.example");
  assert.equal(sources.target, "environment");
  assert.equal(config.healthWaitMs, 1000);
  assert.equal(sources.healthWaitMs, "profile");
  assert.equal(config.reports, "reports");
  assert.equal(sources.reports, "default");
  assert.deepEqual(config.headers, { "X-A": "p", "X-B": "f" });
  const flags = resolveConfig(
    { serial: true, insecure: true, claimLayers: "1-2", claimFeatures: "none" },
    {},
  );
  assert.equal(flags.config.parallel, 0);
  assert.equal(flags.config.insecure, true);
  assert.deepEqual(flags.config.claimLayers, [1, 2]);
  assert.deepEqual(flags.config.claimFeatures, []);
  failsWith(
    () => resolveConfig({ timeoutMs: "0" }, {}),
    /--timeout-ms must be an integer from 1 to 600000, got "0"/,
  );
  failsWith(
    () => resolveConfig({}, { CONFORMANCE_PARALLEL: "many" }),
    /CONFORMANCE_PARALLEL must be an integer/,
  );
  failsWith(() => resolveConfig({ claimLayers: "2,3" }, {}), /--claim-layers must include layer 1/);
  failsWith(() => resolveConfig({ serial: true, parallel: "2" }, {}), /contradict/);
  failsWith(() => resolveConfig({ header: ["Host: x"] }, {}), /--header "Host" is set by the binding/);
});

test("an expected-failures file is checked like a profile", () => {
  const ok = file(
    "- requirement: S1-REVEAL\n  scenario: A's message makes A's number available to B (layer 1)\n  reason: r\n  tracking: https://t.example/1\n",
  );
  assert.equal(loadExpectedFailures(ok, {})[0]?.requirement, "S1-REVEAL");
  failsWith(
    () => loadExpectedFailures(file("- requirement: X\n  reason: r\n  tracking: no-url\n"), {}),
    /\/0\/tracking: must match pattern/,
  );
});

test("docs/profile.schema.json is the shipped schema (run `npm run generate`)", () => {
  const docs = join(import.meta.dirname, "../../docs/profile.schema.json");
  assert.equal(readFileSync(docs, "utf8"), `${JSON.stringify(PROFILE_SCHEMA, null, 2)}\n`);
});

test("claims: tags name needs, exchanges show them, layers read as a range", () => {
  assert.deepEqual(needsOfTags(["@REQ-X", "@needs-layer-3", "@needs-forwardMessage", "@needs-teleport"]), {
    needs: ["layer 3", "messages.forwardMessage"],
    unknown: ["@needs-teleport"],
  });
  assert.equal(tagOfNeed("messages.forwardMessage"), "@needs-forwardMessage");
  assert.equal(tagOfNeed("layer 2"), "@needs-layer-2");
  assert.deepEqual(
    usedNeeds([
      { layer: 1, method: "messages.forwardMessage", status: 400 },
      { layer: 3, method: "messages.forwardMessage", status: 200 },
    ]),
    ["layer 3", "messages.forwardMessage"],
  );
  assert.equal(describeLayers([1, 2, 3]), "layers 1–3");
  assert.equal(describeLayers([1]), "layer 1");
  assert.equal(describeLayers([1, 3]), "layers 1 and 3");
});

test("test phones follow the pattern and the code rule", () => {
  const digits = [7, 1, 2, 3, 4];
  const drawn = drawTestPhone(DEFAULT_PHONE_RULE, () => digits.shift() ?? 0);
  assert.deepEqual(drawn, { phone: "9996671234", code: "77777" });
  assert.deepEqual(
    drawTestPhone({ pattern: "4155550YYY", code: "12345" }, () => 5),
    { phone: "4155550555", code: "12345" },
  );
  assert.match(phoneRuleProblem({ pattern: "99966XXYYY", code: "X" }) ?? "", /may hold one X/);
  assert.equal(phoneRuleProblem(DEFAULT_PHONE_RULE), undefined);
});
