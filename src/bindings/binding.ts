// One interface per wire (shared/design/architecture.md, "Where the design goes next"): the
// session and every semantic step know only this. A binding opens sessions (a bearer key on the
// TL-JSON wire, an auth key on MTProto); a session makes calls at a declared layer.
import type { Layer } from "../tl/index.ts";

export type Wire = "http-json" | "mtproto";

export interface CallOutcome {
  /** The decoded TL-JSON answer: the result value, or the rpc_error object. */
  body: unknown;
  /** Set when the answer is an rpc_error. */
  rpcError?: { code: number; message: string };
  /** The body as it arrived, as text (the privacy scan's fast path reads it before the value). */
  bodyText: string;
  /**
   * Every other text of the answer that reached the caller (header names and values on the
   * TL-JSON wire): the privacy scan searches it too.
   */
  metaText: string;
}

export interface CallOptions {
  layer: Layer;
  /** Who calls, for the transcript ("A", "B", "anonymous"). */
  role: string;
}

export interface BindingSession {
  /** A TL call (an object with `_`), wrapped in its layer by the binding. */
  call(call: Record<string, unknown>, options: CallOptions): Promise<CallOutcome>;
  /**
   * What another binding to the same target needs to go on with this session (the bearer key on
   * the TL-JSON wire): accounts signed up ahead are handed to a scenario's own binding this way.
   */
  readonly credential: string;
}

/** What only the TL-JSON wire can send: a body as written, and a request with no key at all. */
export interface RawJsonWire {
  send(
    bodyText: string,
    options: CallOptions & { method: string; session: BindingSession | "no key" },
  ): Promise<CallOutcome>;
}

/**
 * What only the MTProto wire can send: a message body as bytes, written by the step (a layer
 * wrapper included when it wants one), in an envelope that is otherwise correct.
 */
export interface RawBinaryWire {
  send(
    body: Uint8Array,
    options: CallOptions & {
      /** What the bytes stand for, for the transcript. */
      method: string;
      /** The method whose result type an answer that is no rpc_error is read as. */
      readAs: string;
      session: BindingSession;
    },
  ): Promise<CallOutcome>;
}

export interface Binding {
  readonly wire: Wire;
  /** Where the target is, as given (for messages, and to keep per-target bookkeeping apart). */
  readonly target: string;
  /** A new session with no account (a fresh key), or the session a credential names. */
  openSession(credential?: string): BindingSession;
  /** Present only on the TL-JSON wire; raw-wire steps are not applicable elsewhere. */
  readonly raw?: RawJsonWire;
  /** Present only on the MTProto wire: bodies as bytes (binary counterparts of `raw`). */
  readonly rawBinary?: RawBinaryWire;
  /** Ends the connections the binding holds (MTProto); a later call opens new ones. */
  close?(): void;
}
