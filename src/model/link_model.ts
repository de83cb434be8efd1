// The whole link table of a group of users as one pure model: C and V per ordered pair, what each
// action changes, and the choices the spec leaves to the server. The harness's checks and the
// explorer both ask it; the reference server never imports it (it keeps its own rules), so a
// shared mistake cannot pass.
//
// The spec leaves one choice open: whether a number revealed to the other party stays revealed
// after the revealing user deletes that party (docs/semantics.md, Words). The model keeps every
// world that the choices made so far allow, and an observation keeps only the worlds that agree
// with it: a server may choose either way, but not say both.
import { type LinkValue, type PairFacts, sameLinkValue, tableLink } from "./link_table.ts";

export type ActionKind = "import" | "delete" | "message";

export interface ModelEvent {
  /** Position in the model's history, from 1. */
  index: number;
  action: ActionKind;
  /** Who acted: the importer, the deleter, the sender. */
  actor: string;
  /** Whom it was about: the imported or deleted user, the message's peer. */
  other: string;
}

/** One ordered pair's link as an event changed it, in one world. */
export interface LinkChange {
  event: number;
  viewer: string;
  other: string;
  before: LinkValue;
  after: LinkValue;
}

interface World {
  /** `viewer>owner`: owner's number was revealed to viewer by a private message. */
  revealed: Set<string>;
  /** The server's choices this world assumes, in words, for failure messages. */
  choices: string[];
  changes: LinkChange[];
}

/** Worlds kept at most; past it, a delete is assumed to keep the reveal (the common choice). */
const MAX_WORLDS = 64;

const pair = (viewer: string, owner: string) => `${viewer}>${owner}`;

export class LinkModel {
  private readonly members: string[] = [];
  private readonly contacts = new Set<string>();
  private worlds: World[] = [{ revealed: new Set(), choices: [], changes: [] }];
  readonly events: ModelEvent[] = [];
  /** Pair history the requirement attribution reads (src/model/reasons.ts). */
  readonly history = {
    /** `viewer>owner` → the event of the private message that revealed owner's number. */
    revealedBy: new Map<string, ModelEvent>(),
    /** `x|y` (sorted): the two exchanged a private message. */
    messaged: new Set<string>(),
    /** `importer>owner`: importer imported owner's number from owner's own contact card. */
    fromCard: new Set<string>(),
    /** `deleter>owner`: deleter deleted owner from its contacts at some point. */
    deleted: new Set<string>(),
  };

  addUser(name: string): void {
    if (!this.members.includes(name)) this.members.push(name);
  }

  users(): readonly string[] {
    return this.members;
  }

  hasContact(owner: string, other: string): boolean {
    return this.contacts.has(pair(owner, other));
  }

  /** The facts of (viewer, other) in one world. */
  private facts(world: World, viewer: string, other: string): PairFacts {
    const viewerHas = this.hasContact(viewer, other);
    const otherHas = this.hasContact(other, viewer);
    return {
      viewerHas,
      otherHas,
      viewerSees: viewer === other || viewerHas || world.revealed.has(pair(viewer, other)),
      otherSees: viewer === other || otherHas || world.revealed.has(pair(other, viewer)),
    };
  }

  /** Runs an action in every world, recording the link changes of the two pairs it touches. */
  private act(
    action: ActionKind,
    actor: string,
    other: string,
    change: (world: World) => World[],
  ): ModelEvent {
    this.addUser(actor);
    this.addUser(other);
    const event: ModelEvent = { index: this.events.length + 1, action, actor, other };
    this.events.push(event);
    const pairs: [string, string][] =
      actor === other
        ? []
        : [
            [actor, other],
            [other, actor],
          ];
    const next: World[] = [];
    for (const world of this.worlds) {
      const before = pairs.map(([v, o]) => tableLink(this.facts(world, v, o)));
      for (const after of change(world)) {
        pairs.forEach(([viewer, o], i) => {
          const was = before[i] as LinkValue;
          const now = tableLink(this.facts(after, viewer, o));
          if (!sameLinkValue(was, now))
            after.changes.push({ event: event.index, viewer, other: o, before: was, after: now });
        });
        next.push(after);
      }
    }
    this.worlds = next;
    return event;
  }

  /** `importer` imports `owner`'s number ("has the number"); `fromCard` when read off owner's card. */
  imported(importer: string, owner: string, fromCard = false): ModelEvent {
    if (fromCard) this.history.fromCard.add(pair(importer, owner));
    return this.act("import", importer, owner, (world) => {
      this.contacts.add(pair(importer, owner));
      return [world];
    });
  }

  /** `deleter` removes `owner` from its contacts; a number it had revealed to owner may stay or go. */
  deleted(deleter: string, owner: string): ModelEvent {
    this.history.deleted.add(pair(deleter, owner));
    const fork = this.worlds.length * 2 <= MAX_WORLDS;
    return this.act("delete", deleter, owner, (world) => {
      this.contacts.delete(pair(deleter, owner));
      const revealedToOwner = pair(owner, deleter);
      if (!world.revealed.has(revealedToOwner) || !fork) return [world];
      const forgot: World = {
        revealed: new Set([...world.revealed].filter((p) => p !== revealedToOwner)),
        choices: [
          ...world.choices,
          `${deleter}'s delete of ${owner} takes ${deleter}'s number from ${owner}`,
        ],
        changes: [...world.changes],
      };
      world.choices.push(`${owner} keeps ${deleter}'s number after ${deleter}'s delete`);
      return [world, forgot];
    });
  }

  /** A private message from sender to peer: the one who has the other's number is revealed. */
  messaged(sender: string, peer: string): ModelEvent {
    const event = this.act("message", sender, peer, (world) => {
      for (const [holder, other] of [
        [sender, peer],
        [peer, sender],
      ] as const) {
        if (!this.hasContact(holder, other)) continue;
        const key = pair(other, holder);
        world.revealed.add(key);
      }
      return [world];
    });
    for (const [holder, other] of [
      [sender, peer],
      [peer, sender],
    ] as const) {
      const key = pair(other, holder);
      if (this.hasContact(holder, other) && !this.history.revealedBy.has(key))
        this.history.revealedBy.set(key, event);
    }
    if (sender !== peer) this.history.messaged.add([sender, peer].sort().join("|"));
    return event;
  }

  /** Whether viewer sees owner's phone: in every world, in none, or it is the server's choice. */
  seesPhone(viewer: string, owner: string): "yes" | "no" | "either" {
    const seen = new Set(this.worlds.map((w) => this.facts(w, viewer, owner).viewerSees));
    return seen.size === 2 ? "either" : seen.has(true) ? "yes" : "no";
  }

  /** The link values the table gives (viewer, other) in the worlds still possible, distinct. */
  links(viewer: string, other: string): { link: LinkValue; facts: PairFacts }[] {
    const out: { link: LinkValue; facts: PairFacts }[] = [];
    for (const world of this.worlds) {
      const facts = this.facts(world, viewer, other);
      const link = tableLink(facts);
      if (!out.some((o) => sameLinkValue(o.link, link))) out.push({ link, facts });
    }
    return out;
  }

  /** Per world still possible: the link changes of events after `since` (an event index). */
  changesSince(since: number): LinkChange[][] {
    return this.worlds.map((w) => w.changes.filter((c) => c.event > since));
  }

  /** The choices each possible world assumes (for messages): empty when nothing is open. */
  openChoices(): string[][] {
    return this.worlds.length === 1 ? [] : this.worlds.map((w) => w.choices);
  }

  /**
   * Keeps only the worlds where `holds` is true of what was observed. When no world agrees, nothing
   * is dropped and false is returned: the observation contradicts the spec (the caller fails).
   */
  observe(holds: (world: WorldView) => boolean): boolean {
    const views = this.worlds.map((w) => this.viewOf(w));
    const kept = this.worlds.filter((_, i) => holds(views[i] as WorldView));
    if (kept.length === 0) return false;
    this.worlds = kept;
    return true;
  }

  /** Prunes the worlds by one view: viewer was (or was not) shown owner's phone. */
  observePhone(viewer: string, owner: string, shown: boolean): boolean {
    return this.observe((w) => w.sees(viewer, owner) === shown);
  }

  private viewOf(world: World): WorldView {
    return {
      sees: (viewer, owner) => this.facts(world, viewer, owner).viewerSees,
      link: (viewer, other) => tableLink(this.facts(world, viewer, other)),
      facts: (viewer, other) => this.facts(world, viewer, other),
      changes: (since) => world.changes.filter((c) => c.event > since),
    };
  }
}

/** What a check may ask of one possible world. */
export interface WorldView {
  sees(viewer: string, owner: string): boolean;
  link(viewer: string, other: string): LinkValue;
  facts(viewer: string, other: string): PairFacts;
  changes(since: number): LinkChange[];
}
