// Entries in the order they arrived, any of which may leave early, with the oldest found in
// amortised O(1). A Map alone keeps the order, but V8 leaves a hole for each deleted entry until
// it rehashes, and finding the first entry walks the holes: a queue that drops its oldest entry
// on every insert then costs time in proportion to its size. Here the order is an array read
// from a moving head, and entries that left are skipped and compacted away.
export class Arrivals<Key, Value> {
  private readonly entries = new Map<Key, Value>();
  /** Keys in arrival order; a slot the head has passed is cleared, so it holds nothing alive. */
  private order: (Key | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.entries.size;
  }

  get(key: Key): Value | undefined {
    return this.entries.get(key);
  }

  /** Adds a key that is not here yet, as the newest. */
  add(key: Key, value: Value): void {
    this.entries.set(key, value);
    this.order.push(key);
  }

  delete(key: Key): boolean {
    const had = this.entries.delete(key);
    // Keys that left stay in the order until passed over, but never more of them than live ones.
    if (this.order.length - this.head > 2 * this.entries.size + 64) {
      this.order = this.order.slice(this.head).filter((k) => k !== undefined && this.entries.has(k));
      this.head = 0;
    }
    return had;
  }

  oldest(): [Key, Value] | undefined {
    while (this.head < this.order.length) {
      const key = this.order[this.head] as Key;
      const value = this.entries.get(key);
      if (value !== undefined) {
        this.compact();
        return [key, value];
      }
      this.order[this.head] = undefined;
      this.head += 1;
    }
    return undefined;
  }

  /** Drops the part before the head once it is the larger half: it still holds the keys. */
  private compact(): void {
    if (this.head > 64 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
