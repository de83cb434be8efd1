// One World per scenario: fresh accounts per role, the binding client, the transcript, and what
// the scenario has established (the spec oracle). Steps call one method of it each.
import { randomBytes } from "node:crypto";
import { type IWorldOptions, setWorldConstructor, World } from "@cucumber/cucumber";
import { type Answer, BindingClient, TargetError, Transcript } from "../src/client/index.ts";
import { drawTestPhone } from "../src/profile/index.ts";
import type { Layer } from "../src/tl/index.ts";
import { checkPrivacy, checkSchema } from "./answer_checks.ts";
import { RequirementFailure, ScenarioError } from "./failure.ts";
import { NO_REVEAL_CANDIDATES, requirementOf, taggedAmong } from "./requirement_of.ts";
import { type Role, SpecOracle } from "./spec_oracle.ts";
import { clientOptions, type TargetSettings, targetSettings } from "./target.ts";
import { type TlObject, usersIn } from "./tl_json.ts";

export interface Actor {
  role: Role;
  id: number;
  phone: string;
  key: string;
  firstName: string;
  lastName: string;
  /** The latest User object this actor got for each user id, from any answer. */
  views: Map<number, TlObject>;
}

export interface SendRecord {
  sender: Role;
  peer: Role;
  method: string;
  layer: Layer;
  result: TlObject;
  text: string;
}

const NAMES: Record<Role, string> = { A: "Alice", B: "Bob", C: "Carol" };
const MAX_PHONE_TRIES = 10;

export class ConformanceWorld extends World {
  readonly transcript = new Transcript();
  readonly client: BindingClient;
  readonly oracle = new SpecOracle();
  readonly actors = new Map<Role, Actor>();
  /** Layer of the calls steps make, set by "at layer N" steps; bare calls until then. */
  layer: Layer = 1;
  readonly sends: SendRecord[] = [];
  /** pts of each role before the first and before the latest send of the scenario. */
  readonly firstMarks = new Map<Role, number>();
  readonly lastMarks = new Map<Role, number>();
  /** The last answer of a step that expects an error; cleared when a Then checks it. */
  pendingError: { answer: Answer; method: string } | undefined;
  readonly answersChecked = new Map<string, number>();
  noted: Map<Role, string> | undefined;
  /** The answer of the latest import done by a When step, for the Then that judges it. */
  lastImport: TlObject | undefined;
  /** The chat made by "met in a chat made by", for group messages. */
  chatId: number | undefined;
  /** The scenario's tags, set by a Before hook; generic checks read their requirement from them. */
  tags: readonly string[] = [];

  readonly settings: TargetSettings;

  constructor(options: IWorldOptions) {
    super(options);
    this.settings = targetSettings(options.parameters);
    this.client = new BindingClient(clientOptions(this.settings), this.transcript);
  }

  /** The account of a role, created on first use (a fresh one per scenario). */
  async actor(role: Role): Promise<Actor> {
    const known = this.actors.get(role);
    if (known) return known;
    const actor = await this.signUp(role);
    this.actors.set(role, actor);
    return actor;
  }

  /** The requirement a generic check speaks for in this scenario (see requirement_of.ts). */
  requirementFor(candidates: readonly string[]): string {
    return requirementOf(this.tags, candidates);
  }

  /** Phones of the scenario's users the viewer may not see, per the spec oracle. */
  private forbiddenPhones(viewer: Role | undefined): Map<string, string> {
    const forbidden = new Map<string, string>();
    for (const other of this.actors.values()) {
      if (viewer === undefined || !this.oracle.seesPhone(viewer, other.role))
        forbidden.set(other.phone, other.role);
    }
    return forbidden;
  }

  /** Every answer passes here: schema, layer gate and privacy checks, then views are learnt. */
  private inspect(role: Role | undefined, method: string, layer: Layer, answer: Answer): void {
    const who = role ?? "an unregistered client";
    checkSchema(method, layer, answer.body, who);
    checkPrivacy(
      method,
      answer,
      who,
      this.forbiddenPhones(role),
      taggedAmong(this.tags, NO_REVEAL_CANDIDATES),
    );
    this.answersChecked.set(who, (this.answersChecked.get(who) ?? 0) + 1);
    const actor = role === undefined ? undefined : this.actors.get(role);
    if (actor) for (const user of usersIn(answer.body)) actor.views.set(user.id as number, user);
  }

  /** A call that must succeed: an rpc_error here is the target's failure to serve the step. */
  async rpc(
    role: Role,
    call: TlObject,
    layer: Layer = this.layer,
  ): Promise<TlObject & Record<string, unknown>> {
    const actor = await this.actor(role);
    const answer = await this.client.call(call, { role, key: actor.key, layer });
    this.inspect(role, call._, layer, answer);
    if (answer.rpcError) {
      throw new TargetError(
        "TARGET_RPC_ERROR",
        `${role}'s ${call._} at layer ${layer} was refused with ${answer.rpcError.code} ${answer.rpcError.message}`,
      );
    }
    return answer.body as TlObject;
  }

  /** A call whose answer a later Then judges, error or not (ERRORS scenarios). */
  async attempt(
    role: Role | undefined,
    text: string,
    method: string,
    options: { key?: string | null; layer?: Layer },
  ): Promise<void> {
    const actor = role === undefined ? undefined : await this.actor(role);
    const key = options.key === null ? undefined : (options.key ?? actor?.key);
    const layer = options.layer ?? this.layer;
    let answer: Answer;
    try {
      answer = await this.client.callRaw(text, method, { role: role ?? "anonymous", key, layer });
    } catch (error) {
      // Here the target is being tested on bad input: an answer that is no rpc_error at all
      // (an HTML page, a reset) is its failure to follow the binding's error table.
      if (!(error instanceof TargetError)) throw error;
      throw new RequirementFailure("ERRORS", {
        subject: `the answer to a bad ${method} request`,
        expected: "an rpc_error as TL-JSON, with the HTTP status equal to its error_code",
        actual: error.message,
      });
    }
    this.inspect(role, method, layer, answer);
    this.pendingError = { answer, method };
  }

  private async signUp(role: Role): Promise<Actor> {
    for (let attempt = 0; attempt < MAX_PHONE_TRIES; attempt++) {
      const { phone, code: loginCode } = drawTestPhone(this.settings.phones);
      const key = randomBytes(32).toString("hex");
      const request = { role, key, layer: 1 as Layer };
      const sent = await this.client.call(
        { _: "auth.sendCode", phone_number: phone, sms_type: 0, api_id: 1, api_hash: "tl-conformance" },
        request,
      );
      this.inspect(undefined, "auth.sendCode", 1, sent);
      const code = sent.body as TlObject;
      if (sent.rpcError)
        throw new TargetError(
          "TARGET_RPC_ERROR",
          `auth.sendCode for ${phone} refused: ${sent.rpcError.message}`,
        );
      if (code.phone_registered === true) continue;
      const lastName = `T${randomBytes(3).toString("hex")}`;
      const signed = await this.client.call(
        {
          _: "auth.signUp",
          phone_number: phone,
          phone_code_hash: code.phone_code_hash,
          phone_code: loginCode,
          first_name: NAMES[role],
          last_name: lastName,
        },
        request,
      );
      this.inspect(undefined, "auth.signUp", 1, signed);
      if (signed.rpcError)
        throw new TargetError(
          "TARGET_RPC_ERROR",
          `auth.signUp for ${phone} refused: ${signed.rpcError.message}`,
        );
      const user = (signed.body as TlObject).user as TlObject;
      return { role, id: user.id as number, phone, key, firstName: NAMES[role], lastName, views: new Map() };
    }
    throw new ScenarioError(
      `no free test number after ${MAX_PHONE_TRIES} tries: every one was phone_registered`,
    );
  }
}

setWorldConstructor(ConformanceWorld);
