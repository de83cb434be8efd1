// ConformanceSession: one scenario's users, the binding session each calls on, the link model of
// what they did, and the automatic checks every answer gets. No cucumber here: the World holds one
// session per scenario, and the explorer drives sessions directly.
import type { Binding, BindingSession, CallOutcome } from "../bindings/index.ts";
import { TargetError } from "../client/index.ts";
import { LinkModel, type ModelEvent } from "../model/index.ts";
import { type RequirementId, requirementIdsOfTags } from "../requirements/index.ts";
import type { Layer } from "../tl/index.ts";
import type { AccountSource } from "./account_pool.ts";
import { type Actor, asActor, defaultTestNumber, type SignUpContext, signUp } from "./actors.ts";
import { ScenarioError } from "./failure.ts";
import { inspect, type Scene } from "./inspect.ts";
import { inputPeer, inputUser } from "./peers.ts";
import type { SendRecord } from "./sends.ts";
import { isTlObject, objectsOf, type TlObject, usersIn } from "./tl_json.ts";

export interface SessionOptions {
  binding: Binding;
  /** The scenario's tags: a generic check speaks for the tagged one of its requirements. */
  tags?: readonly string[];
  /** The target's test numbers and their codes; default the binding's 99966XYYYY rule. */
  testNumber?: () => { phone: string; code: string };
  /** The code that signs a test number in (for a sign-in on a new key). */
  codeFor?: (phone: string) => string;
  /** Accounts signed up ahead (src/session/account_pool.ts); without one, each is signed up on first use. */
  accounts?: AccountSource;
}

/** What a user's box holds of one message (service messages aside), as forwards and card checks need it. */
export interface BoxMessage {
  id: number;
  fromId: number;
  /** The digits of a contact card's phone, when the message is one. */
  cardDigits: string | undefined;
}

export interface Chat {
  id: number;
  maker: string;
  members: string[];
}

/** Methods that only read: a call of any other kind may have changed the target's state. */
const READS = new Set([
  "users.getUsers",
  "users.getFullUser",
  "messages.getDialogs",
  "contacts.getContacts",
  "updates.getState",
  "updates.getDifference",
]);

export class ConformanceSession implements Scene {
  readonly model = new LinkModel();
  readonly actors = new Map<string, Actor>();
  readonly binding: Binding;
  tags: readonly string[];
  readonly sends: SendRecord[] = [];
  readonly chats: Chat[] = [];
  /** Digits of contact cards each user sent or was really sent (PRIVACY's one exception). */
  readonly cards = new Map<string, Set<string>>();
  /** Each user's box as learnt from its answers: message id → what it is. */
  readonly boxes = new Map<string, Map<number, BoxMessage>>();
  /** Answers that went through the automatic checks, per caller. */
  readonly answersChecked = new Map<string, number>();
  /** Grows with every call that may have changed state: reads cached for an epoch stay valid. */
  epoch = 0;
  private readonly nameById = new Map<number, string>();
  private readonly pending = new Map<string, Promise<Actor>>();
  private readonly testNumber: () => { phone: string; code: string };
  readonly codeFor: (phone: string) => string;
  private readonly accounts: AccountSource | undefined;

  constructor(options: SessionOptions) {
    this.binding = options.binding;
    this.accounts = options.accounts;
    this.tags = options.tags ?? [];
    this.testNumber = options.testNumber ?? defaultTestNumber;
    this.codeFor = options.codeFor ?? ((phone) => (phone[5] ?? "1").repeat(5));
  }

  // Scene: what the automatic checks ask.
  nameOf(userId: number): string | undefined {
    return this.nameById.get(userId);
  }
  idOf(name: string): number | undefined {
    return this.actors.get(name)?.id;
  }
  phoneOf(name: string): string | undefined {
    return this.actors.get(name)?.phone;
  }
  names(): string[] {
    return [...this.actors.keys()];
  }
  pick(candidates: readonly RequirementId[]): RequirementId {
    const tagged = new Set(requirementIdsOfTags(this.tags));
    return candidates.find((id) => tagged.has(id)) ?? (candidates[0] as RequirementId);
  }
  cardsOf(viewer: string): ReadonlySet<string> {
    return this.cards.get(viewer) ?? new Set();
  }

  /** The account of a user, signed up on first use (a fresh one per session). */
  actor(name: string): Promise<Actor> {
    const known = this.actors.get(name);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(name);
    if (!pending) {
      const made = this.accounts
        ? this.accounts.take().then((account) => asActor(this.binding, account, name))
        : signUp(this.signUpContext(), name);
      pending = made.then((actor) => {
        this.actors.set(name, actor);
        this.nameById.set(actor.id, name);
        this.model.addUser(name);
        return actor;
      });
      this.pending.set(name, pending);
    }
    return pending;
  }

  /** No user yet: the scenario has called nothing (a set-up run ahead may take its place). */
  isFresh(): boolean {
    return this.actors.size === 0 && this.pending.size === 0;
  }

  /** Several users at once: their sign-ups (or pool takes) do not wait for each other. */
  actorsOf(...names: string[]): Promise<Actor[]> {
    return Promise.all(names.map((name) => this.actor(name)));
  }

  signUpContext(): SignUpContext {
    return {
      binding: this.binding,
      testNumber: this.testNumber,
      checked: async (session, viewer, call) => {
        const outcome = await session.call(call, { layer: 1, role: viewer ?? "anonymous" });
        this.checked(viewer, call._, 1, outcome);
        return outcome;
      },
    };
  }

  /** Every answer passes here: the automatic checks, then what the caller learns from it. */
  private checked(
    viewer: string | undefined,
    method: string,
    layer: Layer,
    outcome: CallOutcome,
    sendEvent?: ModelEvent,
  ): void {
    if (!READS.has(method)) this.epoch += 1;
    inspect(this, { viewer, method, layer, outcome, ...(sendEvent ? { sendEvent } : {}) });
    const who = viewer ?? "an unregistered client";
    this.answersChecked.set(who, (this.answersChecked.get(who) ?? 0) + 1);
    if (viewer !== undefined) this.learn(viewer, outcome.body);
  }

  /** A call on a binding session whose answer must be a result (an rpc_error is the target's failure). */
  private async succeed(
    session: BindingSession,
    viewer: string | undefined,
    call: TlObject,
    layer: Layer,
    sendEvent?: ModelEvent,
  ): Promise<TlObject> {
    const role = viewer ?? "anonymous";
    const outcome = await session.call(call, { layer, role });
    this.checked(viewer, call._, layer, outcome, sendEvent);
    if (outcome.rpcError) {
      throw new TargetError(
        "TARGET_RPC_ERROR",
        `${role}'s ${call._} at layer ${layer} was refused with ${outcome.rpcError.code} ${outcome.rpcError.message}`,
      );
    }
    return outcome.body as TlObject;
  }

  /** A call of a user that must succeed. */
  async rpc(name: string, call: TlObject, layer: Layer = 1, sendEvent?: ModelEvent): Promise<TlObject> {
    const actor = await this.actor(name);
    return this.succeed(actor.session, name, call, layer, sendEvent);
  }

  /**
   * A call whose answer a later check judges, rpc_error or not (the ERRORS scenarios): a body
   * as written (raw) or a call on the user's session, a fresh session, or no key at all.
   */
  async attempt(
    name: string | undefined,
    request: { call: TlObject } | { bodyText: string; method: string },
    layer: Layer,
    keyless?: "no key" | "fresh key",
  ): Promise<CallOutcome> {
    const actor = name === undefined ? undefined : await this.actor(name);
    const session = keyless === "fresh key" || !actor ? this.binding.openSession() : actor.session;
    const role = name ?? "anonymous";
    let outcome: CallOutcome;
    if ("call" in request && keyless !== "no key") {
      outcome = await session.call(request.call, { layer, role });
    } else {
      const raw = this.binding.raw;
      if (!raw) throw new ScenarioError(`a raw request needs the TL-JSON wire, not ${this.binding.wire}`);
      const bodyText = "call" in request ? JSON.stringify(request.call) : request.bodyText;
      const method = "call" in request ? request.call._ : request.method;
      outcome = await raw.send(bodyText, {
        method,
        layer,
        role,
        session: keyless === "no key" ? "no key" : session,
      });
    }
    const method = "call" in request ? request.call._ : request.method;
    this.checked(name, method, layer, outcome);
    return outcome;
  }

  /**
   * A message body written as bytes by the step (the MTProto wire's ERRORS scenarios), sent as
   * written; `layer` is the layer they declare (their wrapper is in the bytes).
   */
  async attemptBytes(
    name: string,
    written: { bytes: Uint8Array; method: string; readAs: string },
    layer: Layer = 1,
  ): Promise<CallOutcome> {
    const { bytes: body, method, readAs } = written;
    const actor = await this.actor(name);
    const raw = this.binding.rawBinary;
    if (!raw)
      throw new ScenarioError(`a request written in bytes needs the MTProto wire, not ${this.binding.wire}`);
    const outcome = await raw.send(body, {
      method,
      readAs,
      layer,
      role: name,
      session: actor.session,
    });
    this.checked(name, method, layer, outcome);
    return outcome;
  }

  /** What an answer teaches its receiver: the latest view of each user, the messages in its box. */
  private learn(viewer: string, body: unknown): void {
    const actor = this.actors.get(viewer);
    if (!actor) return;
    for (const { user } of usersIn(body)) actor.views.set(user.id as number, user);
    if (!isTlObject(body)) return;
    const messages = [...objectsOf(body.new_messages), ...objectsOf(body.messages)];
    if (isTlObject(body.message)) messages.push(body.message);
    let box = this.boxes.get(viewer);
    if (!box) {
      box = new Map();
      this.boxes.set(viewer, box);
    }
    for (const message of messages) {
      if (typeof message.id !== "number" || typeof message.from_id !== "number") continue;
      // A service message (a chat made, a member added) is no message a user can forward.
      if (message._ === "messageService") continue;
      const media = isTlObject(message.media) ? message.media : undefined;
      const cardDigits =
        media?._ === "messageMediaContact" ? String(media.phone_number).replace(/\D/g, "") : undefined;
      box.set(message.id, { id: message.id, fromId: message.from_id, cardDigits });
    }
  }

  /** Records that a contact card with these digits reached (or was written by) these users. */
  noteCard(digits: string, users: readonly string[]): void {
    for (const user of users) {
      let set = this.cards.get(user);
      if (!set) {
        set = new Set();
        this.cards.set(user, set);
      }
      set.add(digits);
    }
  }

  /** How the caller names the other in an InputPeer (a contact by id, anyone else by hash). */
  peer(caller: Actor, other: Actor): TlObject {
    return inputPeer(caller, other, this.model.hasContact(caller.name, other.name));
  }

  /** How the caller names the other in an InputUser. */
  user(caller: Actor, other: Actor): TlObject {
    return inputUser(caller, other, this.model.hasContact(caller.name, other.name));
  }

  /** The latest chat the maker made, or the latest chat of all. */
  chatOf(maker?: string): Chat {
    const chat = [...this.chats].reverse().find((c) => maker === undefined || c.maker === maker);
    if (!chat)
      throw new ScenarioError(
        maker ? `${maker} made no chat in this scenario` : "no chat was made in this scenario",
      );
    return chat;
  }
}
