// The MTProto binding (docs/mtproto.md) behind the Binding interface: a session is an auth key
// (made by the first call when the session has none), a call is wrapped in its layer's
// invokeWithLayerN (a bare call at layer 1), and each exchange lands in the transcript with its
// envelope (msg_id, seq_no, frame sizes, the service messages around it).
import { HarnessError, InvalidOptionError, TargetError } from "../../client/errors.ts";
import type { RequestScope } from "../../client/request_scope.ts";
import { capText, type Transcript } from "../../client/transcript.ts";
import type { TranscriptEntry } from "../../report/attachments.ts";
import { type TlObject, wrapperForLayer } from "../../tl/index.ts";
import type { Binding, BindingSession, CallOptions, CallOutcome, RawBinaryWire } from "../binding.ts";
import { rsaPublicKey } from "./crypto.ts";
import { type AuthKeyCredential, MtprotoSession, type MtprotoTarget } from "./mtproto_session.ts";
import { TRANSPORTS, type TransportName } from "./transport.ts";

export interface MtprotoBindingOptions {
  /** tcp://HOST:PORT */
  target: string;
  /** The PEM of the target's RSA public key. */
  rsaPublicKeyPem: string;
  transport?: TransportName;
  timeoutMs?: number;
  /** The scenario's requests, which end with it. */
  scope?: RequestScope;
}

/** HOST and PORT of a tcp:// target, or an InvalidOptionError. */
export function parseTcpTarget(target: string): { host: string; port: number } {
  const match = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+):(\d{1,5})\/?$/.exec(target);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidOptionError(`an MTProto target is tcp://HOST:PORT, got "${target}"`);
  return { host: match[1].replace(/^\[|\]$/g, ""), port };
}

/** The credential text: the auth key and the last server salt, hex, joined by a colon. */
function credentialText(credential: AuthKeyCredential): string {
  return `${credential.authKey.toString("hex")}:${credential.salt.toString("hex")}`;
}

function parseCredential(text: string): AuthKeyCredential {
  const match = /^([0-9a-f]{512}):([0-9a-f]{16})$/.exec(text);
  if (!match?.[1] || !match[2])
    throw new InvalidOptionError(
      "an MTProto credential is the auth key (512 hex) and the salt (16 hex), colon-joined",
    );
  return { authKey: Buffer.from(match[1], "hex"), salt: Buffer.from(match[2], "hex") };
}

class AuthKeySession implements BindingSession {
  constructor(
    readonly mtproto: MtprotoSession,
    private readonly binding: MtprotoBinding,
  ) {}

  get credential(): string {
    const credential = this.mtproto.credential;
    if (!credential)
      throw new Error("an MTProto session has no auth key (no credential) before its first call");
    return credentialText(credential);
  }

  call(call: Record<string, unknown>, options: CallOptions): Promise<CallOutcome> {
    return this.binding.callOn(this.mtproto, call, options);
  }
}

export class MtprotoBinding implements Binding {
  readonly wire = "mtproto" as const;
  readonly target: string;
  private readonly mtproto: MtprotoTarget;
  private readonly scope: RequestScope | undefined;
  private readonly sessions = new Set<MtprotoSession>();

  constructor(
    options: MtprotoBindingOptions,
    private readonly transcript: Transcript,
  ) {
    const { host, port } = parseTcpTarget(options.target);
    const transport = options.transport ?? "intermediate";
    if (!TRANSPORTS.includes(transport))
      throw new InvalidOptionError(`unknown MTProto transport "${transport}"`);
    let rsaKey: MtprotoTarget["rsaKey"];
    try {
      rsaKey = rsaPublicKey(options.rsaPublicKeyPem);
    } catch (error) {
      throw new InvalidOptionError(`the target's RSA public key cannot be read: ${(error as Error).message}`);
    }
    this.target = options.target.replace(/\/$/, "");
    this.mtproto = { host, port, transport, rsaKey, timeoutMs: options.timeoutMs ?? 10_000 };
    this.scope = options.scope;
  }

  openSession(credential?: string): BindingSession {
    const session = new MtprotoSession(this.mtproto, credential ? parseCredential(credential) : undefined);
    this.sessions.add(session);
    return new AuthKeySession(session, this);
  }

  /** Closes every connection this binding opened. */
  close(): void {
    for (const session of this.sessions) session.close();
    this.sessions.clear();
  }

  /** Bodies written as bytes by a step; the answer is read as the result of `readAs`. */
  readonly rawBinary: RawBinaryWire = {
    send: (body, options) => {
      if (!(options.session instanceof AuthKeySession))
        throw new HarnessError("HARNESS_ABORTED", "a body in bytes needs a session of this MTProto binding");
      const readAs = { _: options.readAs } as TlObject;
      return this.callOn(options.session.mtproto, readAs, options, { bytes: body, method: options.method });
    },
  };

  async callOn(
    session: MtprotoSession,
    call: Record<string, unknown>,
    options: CallOptions,
    written?: { bytes: Uint8Array; method: string },
  ): Promise<CallOutcome> {
    const method = written?.method ?? (typeof call._ === "string" ? call._ : "?");
    const wrapped = (
      options.layer === 1 || written ? call : { _: wrapperForLayer(options.layer), query: call }
    ) as TlObject;
    // The transcript shows bytes a step wrote as hex (capped), beside the method they stand for.
    const requestText = written
      ? JSON.stringify({ bytes: Buffer.from(written.bytes).toString("hex"), method, readAs: call._ })
      : JSON.stringify(wrapped);
    const startedAt = new Date();
    const started = performance.now();
    const controller = new AbortController();
    const handle = { abort: () => controller.abort() };
    this.scope?.enter(handle);
    const entry: Omit<TranscriptEntry, "seq"> = {
      wire: "mtproto",
      role: options.role,
      method,
      layer: options.layer,
      startedAt: startedAt.toISOString(),
      durationMs: 0,
      request: { url: this.target, headers: {}, body: capText(requestText) },
    };
    const run = (async () => {
      try {
        const received = await session.invoke(wrapped, controller.signal, written?.bytes);
        const bodyText = JSON.stringify(received.result);
        entry.durationMs = performance.now() - started;
        entry.response = { status: 0, headers: {}, bodyText: capText(bodyText) };
        entry.mtproto = received.record;
        this.transcript.add(entry, bodyText);
        return {
          body: received.result,
          ...(received.rpcError ? { rpcError: received.rpcError } : {}),
          bodyText,
          metaText: "",
        };
      } catch (error) {
        entry.durationMs = performance.now() - started;
        const code =
          error instanceof TargetError || error instanceof HarnessError ? error.code : "HARNESS_ERROR";
        entry.error = { code, message: error instanceof Error ? error.message : String(error) };
        this.transcript.add(entry);
        throw error;
      } finally {
        this.scope?.leave(handle);
      }
    })();
    return this.scope ? this.scope.track(run) : run;
  }
}
