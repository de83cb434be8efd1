// One cap over the items of every mailbox together: past it, the oldest item anywhere goes. The
// order is one queue of (box, sequence number) pairs, the sequence being a message's id or an
// update's pts in its box. An item its box dropped by the box's own cap stays in the queue until
// passed over (its box says it is no longer live); the queue is compacted so that it never holds
// more than about twice the live items. No map: adding an item is two array pushes.
export interface CapRules<Owner> {
  isLive(owner: Owner, seq: number): boolean;
  /** Drops the item (it is its box's oldest): the cap has already counted it out. */
  drop(owner: Owner, seq: number): void;
}

export class ServerWideCap<Owner> {
  private owners: (Owner | undefined)[] = [];
  private seqs: number[] = [];
  private head = 0;
  private live = 0;

  constructor(
    private readonly cap: number,
    private readonly rules: CapRules<Owner>,
  ) {}

  get size(): number {
    return this.live;
  }

  add(owner: Owner, seq: number): void {
    this.owners.push(owner);
    this.seqs.push(seq);
    this.live += 1;
    while (this.live > this.cap && this.evictOldest()) {}
  }

  /** Items that left by other means: their box's own cap, or their account leaving. */
  left(count: number): void {
    this.live -= count;
    if (this.owners.length - this.head > 2 * this.live + 64) {
      const keep = this.owners.flatMap((owner, i) =>
        i >= this.head && owner !== undefined && this.rules.isLive(owner, this.seqs[i] as number) ? [i] : [],
      );
      this.owners = keep.map((i) => this.owners[i]);
      this.seqs = keep.map((i) => this.seqs[i] as number);
      this.head = 0;
    }
  }

  private evictOldest(): boolean {
    while (this.head < this.owners.length) {
      const owner = this.owners[this.head];
      const seq = this.seqs[this.head] as number;
      this.owners[this.head] = undefined;
      this.head += 1;
      if (owner !== undefined && this.rules.isLive(owner, seq)) {
        this.live -= 1;
        this.rules.drop(owner, seq);
        this.compact();
        return true;
      }
    }
    return false;
  }

  private compact(): void {
    if (this.head > 64 && this.head * 2 > this.owners.length) {
      this.owners = this.owners.slice(this.head);
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
  }
}
