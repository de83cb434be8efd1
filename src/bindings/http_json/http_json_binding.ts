// The TL-JSON binding (docs/binding.md) behind the Binding interface: a session is a random
// 32-byte bearer key, and every call goes through the undici client with its transcript.
import { randomBytes } from "node:crypto";
import { type Answer, BindingClient, type ClientOptions, type Transcript } from "../../client/index.ts";
import type { Binding, BindingSession, CallOptions, CallOutcome, RawJsonWire } from "../binding.ts";

function outcome(answer: Answer): CallOutcome {
  const headers = Object.entries(answer.headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  return {
    body: answer.body,
    ...(answer.rpcError ? { rpcError: answer.rpcError } : {}),
    bodyText: answer.text,
    metaText: headers,
  };
}

class KeySession implements BindingSession {
  constructor(
    private readonly client: BindingClient,
    readonly key: string,
  ) {}

  get credential(): string {
    return this.key;
  }

  async call(call: Record<string, unknown>, options: CallOptions): Promise<CallOutcome> {
    return outcome(await this.client.call(call, { role: options.role, key: this.key, layer: options.layer }));
  }
}

export class HttpJsonBinding implements Binding {
  readonly wire = "http-json" as const;
  readonly target: string;
  private readonly client: BindingClient;
  readonly raw: RawJsonWire;

  constructor(options: ClientOptions, transcript: Transcript) {
    this.client = new BindingClient(options, transcript);
    this.target = this.client.options.target;
    this.raw = {
      send: async (bodyText, { method, session, layer, role }) => {
        const key = session === "no key" ? undefined : (session as KeySession).key;
        return outcome(await this.client.callRaw(bodyText, method, { role, key, layer }));
      },
    };
  }

  openSession(credential?: string): BindingSession {
    return new KeySession(this.client, credential ?? randomBytes(32).toString("hex"));
  }
}
