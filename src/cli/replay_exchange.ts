// One exchange of a report, sent again: the request as report.json recorded it, on the wire it
// used, to the target the report names (or another). The reproduce line of an MTProto exchange,
// where a curl line cannot go. It runs on a fresh key with no account (the scenario's keys are
// redacted and its accounts belong to that run), so a call that needs the scenario's account
// answers 401 AUTH_KEY_UNREGISTERED; what it reproduces is how the target takes those bytes.

import { createBinding } from "../bindings/create_binding.ts";
import type { Binding, CallOutcome } from "../bindings/index.ts";
import type { TransportName } from "../bindings/mtproto/transport.ts";
import { InvalidOptionError } from "../client/errors.ts";
import { Transcript } from "../client/transcript.ts";
import type { ConformanceReport, TranscriptEntry } from "../report/index.ts";
import type { Layer } from "../tl/index.ts";

export interface ReplayChoice {
  /** `features/x.feature:LINE`; default the first scenario that did not pass. */
  scenario?: string;
  exchange: number;
  target?: string;
  rsaPublicKeyPem?: string;
  transport?: TransportName;
  timeoutMs: number;
}

export interface Replayed {
  entry: TranscriptEntry;
  target: string;
  outcome: CallOutcome;
  transcript: TranscriptEntry[];
}

/** The recorded exchange a choice names, or an InvalidOptionError that says what is there. */
export function findExchange(report: ConformanceReport, choice: Pick<ReplayChoice, "scenario" | "exchange">) {
  const scenarios = report.scenarios.filter((s) => (s.transcript?.length ?? 0) > 0);
  const scenario = choice.scenario
    ? scenarios.find((s) => s.location === choice.scenario)
    : scenarios.find((s) => s.status !== "passed");
  if (!scenario)
    throw new InvalidOptionError(
      choice.scenario
        ? `report.json holds no transcript of ${choice.scenario} (with --transcripts all every scenario has one)`
        : "report.json holds no transcript of a scenario that did not pass: name one with --scenario",
    );
  const entry = scenario.transcript?.find((e) => e.seq === choice.exchange);
  if (!entry)
    throw new InvalidOptionError(
      `${scenario.location} has exchanges 1 to ${scenario.transcript?.length ?? 0}, not ${choice.exchange}`,
    );
  return { scenario, entry };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function recordedBody(entry: TranscriptEntry): unknown {
  const body = entry.request.body;
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The call inside its layer wrapper, as the binding takes it (it wraps it again). */
function innerCall(body: unknown, layer: Layer): Record<string, unknown> | undefined {
  if (!isObject(body)) return undefined;
  if (layer === 1) return body;
  return isObject(body.query) ? body.query : undefined;
}

async function send(binding: Binding, entry: TranscriptEntry): Promise<CallOutcome> {
  const session = binding.openSession();
  const options = { layer: entry.layer, role: entry.role };
  const body = recordedBody(entry);
  if (binding.wire === "mtproto" && isObject(body) && typeof body.bytes === "string" && binding.rawBinary) {
    const readAs = typeof body.readAs === "string" ? body.readAs : entry.method;
    const bytes = new Uint8Array(Buffer.from(body.bytes, "hex"));
    return binding.rawBinary.send(bytes, { ...options, method: entry.method, readAs, session });
  }
  if (binding.raw) {
    const text = typeof entry.request.body === "string" ? entry.request.body : JSON.stringify(body);
    return binding.raw.send(text, { ...options, method: entry.method, session });
  }
  const call = innerCall(body, entry.layer);
  if (!call)
    throw new InvalidOptionError(`exchange ${entry.seq}'s request is not a TL call: cannot replay it`);
  return session.call(call, options);
}

export async function replayExchange(report: ConformanceReport, choice: ReplayChoice): Promise<Replayed> {
  const { entry } = findExchange(report, choice);
  const wire = entry.wire ?? "http-json";
  const target = choice.target ?? report.meta.target;
  if (report.meta.targetKind === "embedded" && choice.target === undefined)
    throw new InvalidOptionError(
      `the report's target was the embedded server (${target}), gone with its run: give --target`,
    );
  if (wire === "mtproto" && !target.startsWith("tcp://"))
    throw new InvalidOptionError(`exchange ${entry.seq} went over MTProto: --target must be tcp://HOST:PORT`);
  if (wire === "mtproto" && choice.rsaPublicKeyPem === undefined)
    throw new InvalidOptionError("an MTProto exchange needs the target's public key: --rsa-key PUBLIC.pem");
  const transcript = new Transcript();
  const settings =
    wire === "mtproto"
      ? {
          wire,
          mtproto: {
            rsaPublicKeyPem: choice.rsaPublicKeyPem ?? "",
            transport:
              choice.transport ?? (report.meta.transport as TransportName | undefined) ?? "intermediate",
          },
        }
      : { wire };
  const binding = createBinding(settings, { target, timeoutMs: choice.timeoutMs }, transcript);
  try {
    const outcome = await send(binding, entry);
    return { entry, target, outcome, transcript: transcript.entries };
  } finally {
    binding.close?.();
  }
}
