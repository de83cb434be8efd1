// The mutation seam. Every hook defaults to the spec's behaviour; test/mutants replaces one at a
// time to build a broken server without touching the server's code or the suite's assertions.
// Hooks run inside the request's synchronous section, so they see and change state atomically.
import type { Layer } from "../tl/index.ts";
import type { LinkState } from "./links.ts";
import type { TlObject } from "./tl_values.ts";

export interface RevealContext {
  /** The send method: messages.sendMessage, sendMedia, forwardMessage or forwardMessages. */
  method: string;
  senderId: number;
  peerId: number;
  hasContact(owner: number, other: number): boolean;
  /** Makes owner's number visible to viewer from now on. */
  reveal(viewer: number, owner: number): void;
}

/** What the refused hook sees: the refused call, and a way to serve another in its place. */
export interface RefusalContext {
  method: string;
  layer: Layer;
  accountId: number | undefined;
  /** The call as the handler got it (after the request hook). */
  call: TlObject;
  /** Serves another call in the refused one's place, for the same caller: its answer, or its refusal thrown. */
  retry(call: TlObject): unknown;
}

/** An rpc_error as TL-JSON. */
export interface RefusalBody {
  _: "rpc_error";
  error_code: number;
  error_message: string;
}

/** A link of one viewer to one other user that an action changed. */
export interface LinkChange {
  viewerId: number;
  otherId: number;
  before: LinkState;
  after: LinkState;
}

export interface SendResultContext {
  method: string;
  layer: Layer;
  senderId: number;
  peerId: number;
  /** The sender's own changed links (what the *Link result carries at layer 3). */
  changes: LinkChange[];
  /** Renders a User as the sender sees it now. */
  renderUser(userId: number): TlObject;
}

export interface LinkDelivery {
  recipientId: number;
  change: LinkChange;
}

/** What afterCall sees: the call that just succeeded, and the relations it may change. */
export interface AfterCallContext {
  method: string;
  layer: Layer;
  /** The caller's account after the call (for auth.signUp / signIn, the one just bound). */
  accountId: number | undefined;
  /** The call as the handler got it (after the request hook). */
  call: TlObject;
  reveal(viewer: number, owner: number): void;
  /** Hides owner's number from viewer again (undoes a reveal). */
  forget(viewer: number, owner: number): void;
  hasContact(owner: number, other: number): boolean;
}

export interface ServerHooks {
  /** Rewrites a call after layer unwrapping and before it is validated and dispatched. */
  request(call: unknown, context: { layer: Layer; accountId: number | undefined }): unknown;
  /** The rule of docs/semantics.md, run once per private send, immediately before delivery. */
  revealOnMessage(context: RevealContext): void;
  /** Runs after an import; the spec reveals nothing on import alone. */
  afterImport(context: {
    importerId: number;
    importedIds: number[];
    reveal(viewer: number, owner: number): void;
    forget(viewer: number, owner: number): void;
  }): void;
  /** Rewrites a rendered User (userContact/userRequest/userForeign/userSelf) for a viewer. */
  renderUser(user: TlObject, context: { viewerId: number; userId: number }): TlObject;
  /** Builds the result of a send from the plain result and the sender's changed links. */
  sendResult(plain: TlObject, context: SendResultContext, standard: () => TlObject): TlObject;
  /** Decides who gets updateContactLink for the link changes of an action by actorId. */
  linkUpdates(
    deliveries: LinkDelivery[],
    /** `method`: the send that changed the links; undefined for other actions (imports, deletions). */
    context: { actorId: number; changes: LinkChange[]; method: string | undefined },
  ): LinkDelivery[];
  /** Runs after every successful handler, inside the request's atomic section. */
  afterCall(context: AfterCallContext): void;
  /**
   * Decides the answer to a call the server refused (any rpc_error but an internal one): an
   * rpc_error to answer instead, or a result. The spec's hook answers the refusal itself.
   */
  refused(error: RefusalBody, context: RefusalContext): unknown;
  /** Rewrites any response body last, for (method, layer, viewer). */
  response(body: unknown, context: { method: string; layer: Layer; accountId: number | undefined }): unknown;
}

export const SPEC_HOOKS: ServerHooks = {
  request: (call) => call,
  revealOnMessage(context) {
    const { senderId, peerId } = context;
    // The one who has the other's number has its own number revealed to the other.
    if (context.hasContact(senderId, peerId)) context.reveal(peerId, senderId);
    if (context.hasContact(peerId, senderId)) context.reveal(senderId, peerId);
  },
  afterImport: () => {},
  renderUser: (user) => user,
  sendResult: (_plain, _context, standard) => standard(),
  linkUpdates: (deliveries) => deliveries,
  afterCall: () => {},
  refused: (error) => error,
  response: (body) => body,
};

export function withHooks(overrides: Partial<ServerHooks> | undefined): ServerHooks {
  return { ...SPEC_HOOKS, ...overrides };
}
